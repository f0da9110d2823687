"""Web app for parents and professionals: server-rendered Dutch pages (Jinja2) that work without JavaScript."""
