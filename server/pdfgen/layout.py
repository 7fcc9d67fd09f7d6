"""Page geometry and type sizes, taken from Decree 30/2020/NĐ-CP Appendix I.

Lengths are millimetres (fpdf2's unit here), sizes are points. Where the decree gives a
range, the chosen value is noted; Noto Serif runs about 10 % wider than Times New Roman, so
the header lines use the small end of their range to fit their columns.
"""

from __future__ import annotations

PAGE_W = 210.0  # A4
PAGE_H = 297.0
MARGIN_TOP = 20.0  # decree: 20-25
MARGIN_BOTTOM = 20.0  # decree: 20-25
MARGIN_LEFT = 30.0  # decree: 30-35
MARGIN_RIGHT = 15.0  # decree: 15-20
CONTENT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT

# The header's two columns: issuer on the left, national title on the right. The right one
# is as wide as the national title at 12 pt plus a little air.
RIGHT_COL_W = 92.0
LEFT_COL_W = CONTENT_W - RIGHT_COL_W
RIGHT_COL_X = MARGIN_LEFT + LEFT_COL_W

ISSUER_PT = 12.0  # decree: 12-13
NATIONAL_TITLE_PT = 12.0  # decree: 12-13, bold upper-case
MOTTO_PT = 13.0  # decree: 13-14, bold
PARTY_TITLE_PT = 14.0
NUMBER_PT = 13.0
PLACE_DATE_PT = 13.0  # italic
KIND_PT = 14.0  # decree: 13-14, bold upper-case
SUMMARY_PT = 13.0  # decree: 13-14, bold
BODY_PT = 13.0  # decree: 13-14
RECIPIENTS_LABEL_PT = 12.0  # "Nơi nhận:" bold italic
RECIPIENTS_PT = 11.0
SIGNATURE_PT = 13.0  # authority, title and name: bold
PAGE_NUMBER_PT = 13.0
DRAFT_PT = 11.0

LINE_FACTOR = 1.3  # line pitch / type size, between single and 1.5 lines
PARAGRAPH_GAP = 6 * 25.4 / 72  # at least 6 pt between paragraphs
FIRST_LINE_INDENT = 12.7  # decree: 1-1.27 cm
PAGE_NUMBER_Y = 10.0  # centred in the top margin

SIGNATURE_SPACE = 30.0  # blank height between the title and the name
SIGNATURE_BOX_W = 56.0
SEAL_SIZE = 36.0  # real seals are 32-40 mm across
CLOSING_GAP = 4.0  # between the body and the recipients/signatures
SIGNATURE_ROW_GAP = 6.0


def line_height(size_pt: float) -> float:
    """Line pitch in millimetres for text of `size_pt` points."""
    return size_pt * LINE_FACTOR * 25.4 / 72
