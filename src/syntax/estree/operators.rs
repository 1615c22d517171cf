//! Operator spellings, shared by the ESTree and tree printers.

use crate::syntax::ast::{AssignOp, BinaryOp, LogicalOp, UnaryOp, UpdateOp};

pub fn unary_op(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Minus => "-",
        UnaryOp::Plus => "+",
        UnaryOp::Not => "!",
        UnaryOp::BitNot => "~",
        UnaryOp::Typeof => "typeof",
        UnaryOp::Void => "void",
        UnaryOp::Delete => "delete",
    }
}

pub fn update_op(op: UpdateOp) -> &'static str {
    match op {
        UpdateOp::Increment => "++",
        UpdateOp::Decrement => "--",
    }
}

pub fn binary_op(op: BinaryOp) -> &'static str {
    use BinaryOp::*;
    match op {
        EqEq => "==",
        NotEq => "!=",
        EqEqEq => "===",
        NotEqEq => "!==",
        Lt => "<",
        LtEq => "<=",
        Gt => ">",
        GtEq => ">=",
        Shl => "<<",
        Shr => ">>",
        UShr => ">>>",
        Add => "+",
        Sub => "-",
        Mul => "*",
        Div => "/",
        Mod => "%",
        Exp => "**",
        BitOr => "|",
        BitXor => "^",
        BitAnd => "&",
        In => "in",
        Instanceof => "instanceof",
    }
}

pub fn logical_op(op: LogicalOp) -> &'static str {
    match op {
        LogicalOp::And => "&&",
        LogicalOp::Or => "||",
        LogicalOp::Nullish => "??",
    }
}

pub fn assign_op(op: AssignOp) -> &'static str {
    use AssignOp::*;
    match op {
        Assign => "=",
        Add => "+=",
        Sub => "-=",
        Mul => "*=",
        Div => "/=",
        Mod => "%=",
        Exp => "**=",
        Shl => "<<=",
        Shr => ">>=",
        UShr => ">>>=",
        BitOr => "|=",
        BitXor => "^=",
        BitAnd => "&=",
        And => "&&=",
        Or => "||=",
        Nullish => "??=",
    }
}
