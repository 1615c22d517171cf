//! Scope analysis of scripts: what GlobalDeclarationInstantiation needs.

use crate::syntax::ast::{PatternKind, StmtKind};
use crate::syntax::parse_script;
use crate::syntax::scope::{BindingRef, DeclKind};

#[test]
fn script_vars_and_functions_are_global_and_lexicals_live_in_the_script_environment() {
    let script = parse_script(
        "var v = 1; function f() { return v + l; } let l = 2; const c = 3; class K {}\n\
         { var inner; let blockLocal; } function f() {} var v;",
    )
    .expect("parses");
    let scope = script.scope.get().expect("analysed");
    let var_names: Vec<&str> = scope.var_names.iter().map(|n| &**n).collect();
    assert_eq!(var_names, ["v", "inner"]);
    assert_eq!(scope.functions.len(), 2, "both declarations of f, in order");
    let lexical: Vec<(&str, DeclKind)> = scope
        .lexical_declarations
        .iter()
        .map(|(n, _, k)| (&**n, *k))
        .collect();
    assert_eq!(
        lexical,
        [
            ("l", DeclKind::Let),
            ("c", DeclKind::Const),
            ("K", DeclKind::Class)
        ]
    );
    // `var v = 1` writes the global object property.
    let StmtKind::Var(decl) = &script.body[0].kind else {
        panic!("a var statement")
    };
    let PatternKind::Ident(id) = &decl.declarations[0].target.kind else {
        panic!("an identifier")
    };
    assert_eq!(id.binding.get(), BindingRef::Global);
    // `let l = 2` initialises a slot of the script environment.
    let StmtKind::Var(decl) = &script.body[2].kind else {
        panic!("a let statement")
    };
    let PatternKind::Ident(id) = &decl.declarations[0].target.kind else {
        panic!("an identifier")
    };
    assert!(matches!(id.binding.get(), BindingRef::Env { hops: 0, .. }));
}
