"""Certificates of participation as PDF, in the participant's language, with a code a public page checks.

DejaVu Sans (workshops/fonts, Bitstream Vera licence) covers Latin and Cyrillic, so every one of
the portal's six languages prints.
"""

from pathlib import Path

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from fpdf import FPDF

FONTS = Path(__file__).parent / "fonts"


def certificate_pdf(certificate, *, name, language, verify_url):
    registration = certificate.registration
    workshop = registration.workshop
    with translation.override(language):
        pdf = FPDF(orientation="landscape", format="A4")
        pdf.set_title(_("Certificate of participation"))
        pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        pdf.add_page()
        pdf.set_font("DejaVu", "B", 28)
        pdf.ln(25)
        pdf.cell(0, 14, _("Certificate of participation"), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 14)
        pdf.ln(10)
        pdf.cell(0, 10, _("This certifies that"), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "B", 22)
        pdf.cell(0, 14, name, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 14)
        pdf.cell(0, 10, _("took part in the online workshop"), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "B", 16)
        pdf.multi_cell(0, 10, workshop.title, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 13)
        dates = f"{date_format(workshop.starts_on, 'DATE_FORMAT')} – {date_format(workshop.ends_on, 'DATE_FORMAT')}"
        pdf.cell(0, 10, dates, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(15)
        pdf.set_font("DejaVu", "", 10)
        pdf.cell(
            0,
            7,
            _("Verification code: %(code)s") % {"code": certificate.code},
            align="C",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.cell(0, 7, verify_url, align="C", new_x="LMARGIN", new_y="NEXT")
        return bytes(pdf.output())
