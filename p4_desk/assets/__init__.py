"""Files P4 Desk reads at run time: icons, the QSS theme, compiled translations, voice clips.

They live inside the package so that every way of running P4 Desk finds them at the same place
(a source checkout, an editable install, an installed wheel, the PyInstaller bundle); the
sources they are made from (the ``.ts`` translation files, the application icon master) stay
in the top-level ``resources/`` folder. Look them up through ``p4_desk.resources``.
"""
