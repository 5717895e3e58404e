//! Binding a list-valued key (Redis nodes, mounts, map rows, pull secrets) to its
//! widget: read the effective list, and write it back whole after each edit.

use crate::state::{ui, Ui};
use ixn_core::model::Value;
use ixn_core::registry::KeyDef;
use leptos::prelude::*;

/// A list-valued key, read and written through its `Value` variant.
pub struct ListBinding<T: Send + Sync + 'static> {
    ui: Ui,
    def: &'static KeyDef,
    // The list as its own memo: rows subscribe to it, not to the whole model, so a
    // keystroke elsewhere re-runs none of them (with thousands of rows, thousands of
    // subscribers on one signal made every keystroke slow).
    list: Memo<Vec<T>>,
    wrap: fn(Vec<T>) -> Value,
}

impl<T: Send + Sync> Clone for ListBinding<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync> Copy for ListBinding<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> ListBinding<T> {
    /// Binds `def`, whose values are `wrap(list)` and are seen through `view`.
    pub fn new(def: &'static KeyDef, view: fn(&Value) -> Option<&Vec<T>>, wrap: fn(Vec<T>) -> Value) -> Self {
        let ui = ui();
        let list = Memo::new(move |_| ui.effective.with(|e| e.get(def).and_then(view).cloned().unwrap_or_default()));
        ListBinding { ui, def, list, wrap }
    }

    /// Reads the list in place: each row reads only its own item, so a long list
    /// costs O(rows) per change, not O(rows²).
    fn with<R>(&self, f: impl FnOnce(&[T]) -> R) -> R {
        self.list.with(|items| f(items))
    }

    /// The items shown: the user's list, else the derived or default one (tracked).
    pub fn items(&self) -> Vec<T> {
        self.with(<[T]>::to_vec)
    }

    /// The item at `i`, if any (tracked).
    pub fn item(&self, i: usize) -> Option<T> {
        self.with(|items| items.get(i).cloned())
    }

    /// How many items (tracked).
    pub fn len(&self) -> usize {
        self.with(<[T]>::len)
    }

    /// Sets the whole list as the user's value.
    pub fn write(&self, items: Vec<T>) {
        let v = (self.wrap)(items);
        self.ui.config.update(|c| {
            c.values.set(self.def, v);
        });
    }

    /// Changes item `i` in place.
    pub fn edit(&self, i: usize, f: impl FnOnce(&mut T)) {
        let mut items = self.items();
        if let Some(item) = items.get_mut(i) {
            f(item);
        }
        self.write(items);
    }

    /// Appends an item.
    pub fn push(&self, item: T) {
        let mut items = self.items();
        items.push(item);
        self.write(items);
    }

    /// Removes item `i`.
    pub fn remove(&self, i: usize) {
        let mut items = self.items();
        if i < items.len() {
            items.remove(i);
        }
        self.write(items);
    }
}
