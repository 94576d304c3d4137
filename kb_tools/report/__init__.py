"""The editors' readability report (``kb report``): every page's readability score, lint
findings and review dates, as a self-contained HTML page or as JSON for dashboards.

collect.py reads pages into records, overview.py groups them, charts.py/html.py/json.py
render the groups, command.py is the ``kb report`` front-end. Nothing here imports MkDocs.
"""
