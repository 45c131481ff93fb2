//! The law: retirement ages, surplus packages, the transition roadmap.
