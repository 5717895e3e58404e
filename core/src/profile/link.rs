//! Share links: the non-secret profile, deflated and base64url-encoded into the URL
//! fragment (which browsers never send to a server).

use super::{migrate, Profile, ProfileError};
use crate::model::Config;
use base64::Engine;

/// The fragment prefix of a share link: `#s=…`.
pub const PREFIX: &str = "s=";

/// Most bytes a link may inflate to (a guard against deflate bombs).
pub const MAX_INFLATED: usize = 256 * 1024;

/// The fragment (without `#`) that carries `cfg`'s non-secret answers.
pub fn encode_link(cfg: &Config) -> String {
    fragment(&miniz_oxide::deflate::compress_to_vec(&link_json(cfg), 9))
}

/// What a link carries before compression: the compact profile as JSON.
pub fn link_json(cfg: &Config) -> Vec<u8> {
    serde_json::to_vec(&Profile::compact(cfg)).expect("json")
}

/// The fragment for `deflated`, the raw DEFLATE (RFC 1951) stream of [`link_json`].
/// Any compressor writes a valid link: the browser's `CompressionStream("deflate-raw")`
/// keeps miniz's compressor out of the wasm, [`encode_link`] uses miniz natively.
pub fn fragment(deflated: &[u8]) -> String {
    format!("{PREFIX}{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(deflated))
}

/// The configuration a share fragment carries, or why it cannot be read. The portal
/// does the same in three steps, inflating with the browser's `DecompressionStream`:
/// [`link_deflated`], inflate (at most [`MAX_INFLATED`] bytes), [`link_config`].
pub fn decode_link(fragment: &str) -> Result<Config, ProfileError> {
    let packed = link_deflated(fragment)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_INFLATED)
        .map_err(|_| broken_link("does not inflate"))?;
    link_config(&json)
}

/// Why a link is refused, as the portal says it.
pub fn broken_link(why: &str) -> ProfileError {
    ProfileError::BrokenLink(why.to_string())
}

/// The raw DEFLATE bytes a share fragment (`#s=…` or `s=…`) carries.
pub fn link_deflated(fragment: &str) -> Result<Vec<u8>, ProfileError> {
    let data =
        fragment.trim_start_matches('#').strip_prefix(PREFIX).ok_or_else(|| broken_link("no shared state in it"))?;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(data.trim()).map_err(|_| broken_link("not base64url"))
}

/// The configuration of an inflated link.
pub fn link_config(json: &[u8]) -> Result<Config, ProfileError> {
    let value: serde_json::Value = serde_json::from_slice(json).map_err(|_| broken_link("not JSON"))?;
    let profile = migrate(value)?;
    if profile.secrets {
        return Err(broken_link("a share link never carries secrets"));
    }
    profile.to_config()
}
