"""HTTP API (FastAPI), version 1: berekening, voorwaardencheck, wat-als, voorschot, parameters, the municipal catalogue,
and the professional endpoints for dossiers and scenarios.

A sibling of `kotwijzer.web`: both build on the shared plumbing in `kotwijzer.http` and neither imports the other. The
app that serves both is made by `kotwijzer.app.create_app`.
"""
