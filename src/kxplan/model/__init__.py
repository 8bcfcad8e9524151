"""The domain's types: the plan, data, statuses, comparisons, problems, errors."""
