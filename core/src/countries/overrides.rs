//! Run-time country rules in Partner Center's shape. (Being written.)
#[derive(Debug, Clone)]
pub struct CountryRules;
#[derive(Debug, Clone)]
pub struct RuleSetError;
#[derive(Debug, Clone)]
pub enum RuleSetReason {}
