"""The course on a JupyterHub.

- :mod:`coursehub.links`: nbgitpuller links that open a chapter in a student's hub server
  (``make hub-link``).
- :mod:`coursehub.handin`: ``hand_in()`` adds the quiz answers of a live notebook to the
  student's file in the class hand-in folder, where the class-results notebook reads them.
- :mod:`coursehub.logout`: a hub logout that also clears the course's saved answers from the
  browser, so the next student on a shared computer does not inherit them.

Installed in the students' environment (hand-in) and the hub's (logout); see pages/hub_guide.md.
"""
