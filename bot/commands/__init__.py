"""Server-side commands for staff, admins and citizens' data rights, each checking the caller's role."""
