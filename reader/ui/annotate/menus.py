"""Where annotating's actions go in the main window's menus, which the window built first."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu


def place_in_menus(
    window: QMainWindow, menu: QMenu, *, file: list[QAction], edit: list[QAction],
    view: list[QAction],
) -> None:
    """`file` before the window's Cancel action, `edit` at the top of Edit, `view` at the end
    of View, and `menu` itself before View; a menu the window lacks is left out."""
    bar = window.menuBar()
    menus = {m.title().replace("&", ""): m for m in bar.findChildren(QMenu)}
    file_menu = menus.get("File")
    if file_menu is not None:
        before = getattr(window, "cancel_action", None)
        if isinstance(before, QAction):
            file_menu.insertActions(before, file)
            file_menu.insertSeparator(before)
        else:
            file_menu.addActions(file)
    edit_menu = menus.get("Edit")
    if edit_menu is not None:
        existing = edit_menu.actions()
        if existing:
            edit_menu.insertActions(existing[0], edit)
            edit_menu.insertSeparator(existing[0])
        else:
            edit_menu.addActions(edit)
    view_menu = menus.get("View")
    if view_menu is not None:
        view_menu.addActions(view)
        bar.insertMenu(view_menu.menuAction(), menu)
    else:
        bar.addMenu(menu)
