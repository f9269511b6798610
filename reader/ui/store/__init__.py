"""The workspace in the window: which file a pair uses, opening, syncing and saving it."""
