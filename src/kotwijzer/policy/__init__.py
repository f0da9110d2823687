"""Policy analyses on top of the rules core (estimates of target groups, not individual entitlements)."""
