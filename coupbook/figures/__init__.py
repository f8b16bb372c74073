"""The book's charts, one module per topic; every builder returns a figure made by
:func:`coupbook.charts.finish` (caption, source line and text alternative attached)."""
