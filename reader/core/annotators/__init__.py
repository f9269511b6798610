"""Several annotators on one workspace: importing their files, agreement reports."""
