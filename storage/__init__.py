"""Storage: SQLModel tables, the async engine, repositories and Alembic migrations."""
