"""Pictures and attached documents, archived with each version, once by their content."""
