"""Platform selector modules: one per CMS platform."""
