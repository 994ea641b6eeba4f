"""The Qt-backed words: labels, translations, and how reminders, imports, exports and
reports are worded."""
