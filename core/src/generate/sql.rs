//! PostgreSQL bootstrap SQL, with identifiers and literals quoted by PostgreSQL's own
//! rules (`quote_ident`, `quote_literal`).

/// An identifier, always double-quoted: `"` doubles. Quoting always (unlike
/// `quote_ident`) keeps case and never collides with a keyword.
pub fn quote_ident(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// A string literal as `quote_literal` writes it: `'` doubles, and a backslash switches
/// to an `E''` string with backslashes doubled, so that it means the same whatever
/// `standard_conforming_strings` is.
pub fn quote_literal(s: &str) -> String {
    let body = s.replace('\'', "''");
    if s.contains('\\') {
        format!("E'{}'", body.replace('\\', "\\\\"))
    } else {
        format!("'{body}'")
    }
}

/// The databases and role to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bootstrap<'a> {
    /// Database names (IXN Server, IXN Node).
    pub databases: Vec<&'a str>,
    /// The owner role.
    pub owner: &'a str,
    /// Its password.
    pub password: &'a str,
}

/// psql input: create the role and each database if missing, then grant. `\gexec` runs
/// the generated statement only when the `WHERE NOT EXISTS` row is there, because
/// `CREATE DATABASE` cannot run inside a `DO` block.
pub fn bootstrap_sql(b: &Bootstrap<'_>) -> String {
    sql_with_password(&b.databases, b.owner, &quote_literal(b.password), "")
}

/// The psql variable that holds the owner's password in [`bootstrap_sql_from_env`].
const PASSWORD_VAR: &str = "ixn_owner_password";

/// The same SQL with the owner's password read by psql from the environment variable
/// `env` (`\getenv`, psql 15 or later), so that the SQL itself holds no secret: the
/// Job's pod gets the variable from a Secret.
pub fn bootstrap_sql_from_env(databases: &[&str], owner: &str, env: &str) -> String {
    let head = format!(
        "\\getenv {PASSWORD_VAR} {env}\n\\if :{{?{PASSWORD_VAR}}}\n\\else\nDO $$BEGIN RAISE EXCEPTION 'the environment variable {env} is not set'; END$$;\n\\endif\n"
    );
    sql_with_password(databases, owner, &format!(":'{PASSWORD_VAR}'"), &head)
}

/// The bootstrap SQL with `password` an SQL expression for the owner's password.
fn sql_with_password(databases: &[&str], owner: &str, password: &str, head: &str) -> String {
    let owner_lit = quote_literal(owner);
    let mut sql = String::from("\\set ON_ERROR_STOP on\n");
    sql.push_str(head);
    sql.push_str(&format!(
        "SELECT format('CREATE ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION CONNECTION LIMIT -1 PASSWORD %L', {owner_lit}, {password})\n  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {owner_lit})\\gexec\n",
    ));
    for db in databases {
        let db_lit = quote_literal(db);
        sql.push_str(&format!(
            "SELECT format('CREATE DATABASE %I OWNER %I', {db_lit}, {owner_lit})\n  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = {db_lit})\\gexec\n"
        ));
        sql.push_str(&format!("GRANT ALL PRIVILEGES ON DATABASE {} TO {};\n", quote_ident(db), quote_ident(owner)));
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_follows_postgres() {
        assert_eq!(quote_ident("ixn-100"), "\"ixn-100\"");
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
        assert_eq!(quote_literal("it's"), "'it''s'");
        assert_eq!(quote_literal("a\\b'"), "E'a\\\\b'''");
    }

    #[test]
    fn bootstrap_creates_if_missing_then_grants() {
        let sql =
            bootstrap_sql(&Bootstrap { databases: vec!["ixn-100", "ixn-node-100"], owner: "ixn", password: "p'w" });
        assert!(sql.contains("CREATE DATABASE %I OWNER %I', 'ixn-100', 'ixn'"));
        assert!(sql.contains("GRANT ALL PRIVILEGES ON DATABASE \"ixn-node-100\" TO \"ixn\";"));
        assert!(sql.contains("'p''w'"));
    }
}
