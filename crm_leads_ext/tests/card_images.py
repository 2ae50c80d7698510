# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Business card images the tests draw themselves, with the Noto fonts of
Debian's fonts-noto-core and fonts-noto-cjk: large, black on white, so
that what the tests check is the parsing, not tesseract's luck."""
import base64
import io

from PIL import Image, ImageDraw, ImageFont

LATIN_FONT = '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf'
LATIN_BOLD_FONT = '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf'
CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
CJK_BOLD_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
# face index of "Noto Sans CJK SC" in the collection (JP, KR, SC, TC, HK)
CJK_SC_INDEX = 2

VIETNAMESE_CARD = (
    'Nguyễn Thị Lan',
    'Giám đốc kinh doanh',
    'Công ty TNHH Sao Mai',
    'lan.nguyen@saomai.vn',
    '+84 24 3826 1234',
)
CHINESE_CARD = (
    '王芳',
    '销售经理',
    '上海东方贸易有限公司',
    'wang.fang@dongfang.cn',
    '+86 21 6888 1234',
)
ENGLISH_CARD = (
    'John Carter',
    'Purchasing Manager',
    'Northwind Traders Ltd',
    'john.carter@northwind.co.uk',
    'Mobile: +44 20 7946 0958',
    'www.northwind.co.uk',
)


def _font(bold, cjk, size):
    if cjk:
        return ImageFont.truetype(CJK_BOLD_FONT if bold else CJK_FONT,
                                  size, index=CJK_SC_INDEX)
    return ImageFont.truetype(LATIN_BOLD_FONT if bold else LATIN_FONT, size)


def render_card(lines, cjk=False, width=1100, size=36):
    """PNG bytes of a card: the first line (the name) in bold, the others
    below it."""
    height = 140 + int(size * 1.7) * (len(lines) + 1)
    image = Image.new('RGB', (width, height), 'white')
    draw = ImageDraw.Draw(image)
    draw.rectangle((8, 8, width - 9, height - 9), outline=(40, 90, 160),
                   width=4)
    y = 70
    for index, line in enumerate(lines):
        # a larger name is read as Latin letters by tesseract's chi_sim
        font = _font(index == 0, cjk and not (
            '@' in line or line.startswith('+')), size)
        draw.text((90, y), line, fill='black', font=font)
        y += int(size * 1.7) + (24 if index == 0 else 0)
    out = io.BytesIO()
    image.save(out, format='PNG')
    return out.getvalue()


def render_card_b64(lines, **kwargs):
    return base64.b64encode(render_card(lines, **kwargs))


def noise_png(width=600, height=400, seed=7):
    """An image with no text at all: random grey pixels."""
    import random
    rnd = random.Random(seed)
    image = Image.new('L', (width, height))
    image.putdata([rnd.randint(0, 255) for __ in range(width * height)])
    out = io.BytesIO()
    image.save(out, format='PNG')
    return out.getvalue()


def render_phone_photo(lines, cjk=False):
    """JPEG bytes of a card as a phone takes it: three times larger than
    the OCR needs, stored sideways with the EXIF orientation that tells
    viewers to turn it upright."""
    image = Image.open(io.BytesIO(render_card(
        lines, cjk=cjk, width=3300, size=108)))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90 degrees clockwise to view
    out = io.BytesIO()
    image.rotate(90, expand=True).save(out, format='JPEG', quality=85,
                                       exif=exif)
    return out.getvalue()
