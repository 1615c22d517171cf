//! Relative specifiers already loaded, by the importing module's folder.
//!
//! ESM_RESOLVE of a `./` or `../` specifier depends only on the folder of
//! the module that imports it, so every module of one folder that imports
//! `./m6.mjs` gets the module the first one got. A graph's later edges to a
//! module then cost a table lookup instead of a resolution (string work
//! and path hashing) and the module map's lookups. Only edges without
//! import attributes are kept, and the host keeps none when an import map
//! is in use (its scopes may name single files).

use rustc_hash::FxHashMap as HashMap;

use crate::interp::string::JsStr;
use crate::module::ModuleId;

#[derive(Default)]
pub(super) struct EdgeMemo {
    /// Folder paths, numbered.
    folders: HashMap<String, u32>,
    /// (folder number, specifier) to the module loaded for it.
    edges: HashMap<(u32, JsStr), ModuleId>,
}

/// The folder of `referrer_name` when the edge from it through `specifier`
/// can be kept: a module named by its absolute path, a relative specifier.
fn folder<'a>(referrer_name: &'a str, specifier: &JsStr) -> Option<&'a str> {
    let units = specifier.units();
    let dot = u16::from(b'.');
    let slash = u16::from(b'/');
    let relative = units.starts_with(&[dot, slash]) || units.starts_with(&[dot, dot, slash]);
    if !relative || !referrer_name.starts_with('/') {
        return None;
    }
    Some(&referrer_name[..referrer_name.rfind('/')?])
}

impl EdgeMemo {
    /// The module loaded earlier for `specifier` from `referrer_name`'s folder.
    pub(super) fn get(&self, referrer_name: &str, specifier: &JsStr) -> Option<ModuleId> {
        let folder = self.folders.get(folder(referrer_name, specifier)?)?;
        self.edges.get(&(*folder, specifier.clone())).copied()
    }

    /// Keeps what `specifier` loaded from `referrer_name`'s folder.
    pub(super) fn insert(&mut self, referrer_name: &str, specifier: &JsStr, id: ModuleId) {
        let Some(folder) = folder(referrer_name, specifier) else {
            return;
        };
        let next = self.folders.len() as u32;
        let number = match self.folders.get(folder) {
            Some(n) => *n,
            None => *self.folders.entry(folder.to_string()).or_insert(next),
        };
        self.edges.insert((number, specifier.clone()), id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u32) -> ModuleId {
        ModuleId(n)
    }

    #[test]
    fn relative_edges_are_shared_by_a_folder() {
        let mut memo = EdgeMemo::default();
        let spec = JsStr::from("./m6.mjs");
        memo.insert("/g/m1.mjs", &spec, id(6));
        assert_eq!(memo.get("/g/m2.mjs", &spec), Some(id(6)));
        assert_eq!(memo.get("/g/sub/m2.mjs", &spec), None);
        assert_eq!(memo.get("/g/m2.mjs", &JsStr::from("./m7.mjs")), None);
        let up = JsStr::from("../x.mjs");
        memo.insert("/g/sub/a.mjs", &up, id(9));
        assert_eq!(memo.get("/g/sub/b.mjs", &up), Some(id(9)));
    }

    #[test]
    fn bare_and_absolute_specifiers_are_not_kept() {
        let mut memo = EdgeMemo::default();
        for spec in ["pkg", "/abs.mjs", "#internal", "node:fs", ".hidden.mjs"] {
            let spec = JsStr::from(spec);
            memo.insert("/g/m1.mjs", &spec, id(1));
            assert_eq!(memo.get("/g/m1.mjs", &spec), None);
        }
        let spec = JsStr::from("./m.mjs");
        memo.insert("node:vm", &spec, id(1));
        assert_eq!(memo.get("node:vm", &spec), None);
    }
}
