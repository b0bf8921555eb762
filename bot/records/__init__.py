"""Records for officials and admins: exports, charts, receipt checks and the files written to disk."""
