"""The Framing Lens window's actions and menus, each with its own shortcut."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from reader.ui.app.actions import window_action

if TYPE_CHECKING:
    from reader.ui.lens.window import LensWindow


class LensActions(QObject):
    """Builds the window's menus; the actions call the window's public methods."""

    def __init__(self, window: LensWindow) -> None:
        super().__init__(window)
        self.window = window
        w = window
        keys = QKeySequence.StandardKey
        a = self._action
        self.add = a(self.tr("&Add Files…"), lambda: w.add_files(), QKeySequence(keys.Open),
                     self.tr("Add text files to the collection"))
        self.remove = a(self.tr("&Remove from Collection"), w.remove_selected,
                        QKeySequence(keys.Delete))
        self.reset = a(self.tr("Built-in &Corpus Only"), w.reset_collection,
                       "Ctrl+Shift+Backspace")
        self.export_csv = a(self.tr("Export Counts as &CSV…"), lambda: w.export_csv(),
                            "Ctrl+Shift+E")
        self.export_png = a(self.tr("Export Chart as &PNG…"), lambda: w.export_chart("png"),
                            "Ctrl+Shift+P")
        self.export_svg = a(self.tr("Export Chart as &SVG…"), lambda: w.export_chart("svg"),
                            "Ctrl+Shift+G")
        self.close = a(self.tr("&Close"), w.close, QKeySequence(keys.Close))
        self.recount = a(self.tr("Count &Again"), w.recount, "F5")
        self.families = a(self.tr("Edit &Families…"), lambda: w.edit_families(), "Ctrl+Shift+F")
        self.concord = a(self.tr("&Concordance of Label"), w.concord_current_label, "Ctrl+K")
        self.sort_left = a(self.tr("Sort by &Left Context"),
                           lambda: w.concordance.sort_by("left"), "Ctrl+Alt+Left")
        self.sort_right = a(self.tr("Sort by &Right Context"),
                            lambda: w.concordance.sort_by("right"), "Ctrl+Alt+Right")
        self.sort_doc = a(self.tr("Sort by &Document"),
                          lambda: w.concordance.sort_by("doc"), "Ctrl+Alt+D")
        self.link = a(self.tr("&Link Passages"), w.links.request_links, "Ctrl+L")
        names = (self.tr("Show &Counts"), self.tr("Show C&oncordance"),
                 self.tr("Show Linked &Passages"))
        self.tabs = [a(name, lambda _=False, i=i: w.tabs.setCurrentIndex(i), f"Ctrl+{i + 1}")
                     for i, name in enumerate(names)]
        menus: dict[str, list[QAction | None]] = {
            self.tr("&File"): [self.add, self.remove, self.reset, None, self.export_csv,
                               self.export_png, self.export_svg, None, self.close],
            self.tr("&Lens"): [self.recount, self.families, None, self.concord,
                               self.sort_left, self.sort_right, self.sort_doc, None, self.link],
            self.tr("&View"): [*self.tabs, w.collection_dock.toggleViewAction()],
        }
        bar = w.menuBar()
        for title, items in menus.items():
            menu = bar.addMenu(title)
            for item in items:
                if item is None:
                    menu.addSeparator()
                else:
                    menu.addAction(item)

    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | str, tip: str = ""
    ) -> QAction:
        return window_action(self.window, text, slot, shortcut, tip)  # type: ignore[arg-type]
