//! Indexing: the forms a catalog keeps its papers in for finding them (text folded for matching,
//! each paper's letters as bits, orders as packed keys), made as it is read and used as it is
//! searched.

pub mod fold;
pub mod letters;
pub mod order;
