"""`kb lint`: Markdown → prose blocks → rules from YAML packs → diagnostics. No MkDocs import."""
