"""Statistics, charts, exports and masking for officials."""
