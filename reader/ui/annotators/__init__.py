"""Several annotators in the window: importing their files, agreement, curation, export."""
