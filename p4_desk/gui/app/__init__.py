"""The application shell: first-run wizard, login, screen lock, status bar, theme, translations."""
