"""Vocabularies of the generator: Faker's vi_VN, zh_CN and en_US locale data,
plus the curated lists Faker lacks (cities with their postcodes and dialling
codes, business vocabulary, message texts).

Everything here is constant: name lists come from the class attributes of
Faker's providers (Faker is pinned in requirements.txt), so the generator
draws from them with its own seeded ``random.Random`` and stays reproducible
and fast (no Faker call per row).
"""

import itertools
import unicodedata

from faker.providers.address import en_US as faker_address_en
from faker.providers.address import vi_VN as faker_address_vi
from faker.providers.company import en_US as faker_company_en
from faker.providers.company import vi_VN as faker_company_vi
from faker.providers.company import zh_CN as faker_company_zh
from faker.providers.person import en_US as faker_person_en
from faker.providers.person import vi_VN as faker_person_vi
from faker.providers.person import zh_CN as faker_person_zh
from pypinyin import lazy_pinyin

VI, ZH, EN = 'vi_VN', 'zh_CN', 'en_US'
LOCALES = (VI, ZH, EN)


class Weighted:
    """Values with weights, drawn with ``random.Random.choices`` quickly."""

    def __init__(self, pairs):
        pairs = list(pairs)
        self.values = [value for value, _weight in pairs]
        self.cum_weights = list(
            itertools.accumulate(weight for _value, weight in pairs)
        )

    def pick(self, rng):
        return rng.choices(self.values, cum_weights=self.cum_weights)[0]

    def __len__(self):
        return len(self.values)


def _uniform(values):
    return Weighted((value, 1) for value in values)


# --- people -----------------------------------------------------------------

# Vietnamese names are "Family Middle Given" (Nguyễn Văn An). Faker's vi_VN
# lists give the parts; its own name formats put them in Western order, so the
# generator composes them itself. Family names: Faker's ten plus the other
# common ones, weighted roughly as in Vietnam (Nguyễn alone is ~38 %).
VI_FAMILY = Weighted(
    [
        ('Nguyễn', 38),
        ('Trần', 11),
        ('Lê', 9.5),
        ('Phạm', 7),
        ('Hoàng', 5.1),
        ('Huỳnh', 4),
        ('Phan', 4.5),
        ('Vũ', 3.9),
        ('Võ', 3),
        ('Đặng', 2.1),
        ('Bùi', 2),
        ('Đỗ', 1.4),
        ('Hồ', 1.3),
        ('Ngô', 1.3),
        ('Dương', 1),
        ('Lý', 0.5),
        ('Mai', 0.5),
    ]
    + [
        (name, 0.5)
        for name in faker_person_vi.Provider.last_names
        if name
        not in (
            'Nguyễn',
            'Trần',
            'Lê',
            'Phạm',
            'Vũ',
            'Đặng',
            'Bùi',
            'Dương',
            'Mai',
            'Hoàng',
        )
    ]
)
VI_MIDDLE_MALE = _uniform(
    sorted(
        {m for m in faker_person_vi.Provider.middle_names if m not in ('Thị', 'Mai')}
    )
    + ['Văn', 'Văn', 'Văn', 'Minh', 'Công']
)
VI_MIDDLE_FEMALE = Weighted(
    [
        ('Thị', 6),
        ('Ngọc', 1),
        ('Thu', 1),
        ('Thanh', 1),
        ('Bích', 0.5),
        ('Kim', 0.5),
        ('Mai', 0.5),
    ]
)
VI_GIVEN_MALE = _uniform(
    sorted(
        set(faker_person_vi.Provider.first_names_male)
        | set(faker_person_vi.Provider.first_names_unisex)
    )
)
VI_GIVEN_FEMALE = _uniform(
    sorted(
        set(faker_person_vi.Provider.first_names_female)
        | set(faker_person_vi.Provider.first_names_unisex)
    )
)

ZH_FAMILY = Weighted(faker_person_zh.Provider.last_names.items())
ZH_GIVEN_MALE = _uniform(faker_person_zh.Provider.first_names_male)
ZH_GIVEN_FEMALE = _uniform(faker_person_zh.Provider.first_names_female)

EN_GIVEN_MALE = Weighted(faker_person_en.Provider.first_names_male.items())
EN_GIVEN_FEMALE = Weighted(faker_person_en.Provider.first_names_female.items())
EN_FAMILY = Weighted(faker_person_en.Provider.last_names.items())

# Surnames whose reading as a surname differs from pypinyin's default one.
_ZH_SURNAME_READINGS = {
    '单': 'shan',
    '曾': 'zeng',
    '解': 'xie',
    '区': 'ou',
    '查': 'zha',
    '仇': 'qiu',
    '朴': 'piao',
    '覃': 'qin',
    '盖': 'ge',
    '乐': 'yue',
    '翟': 'zhai',
    '缪': 'miao',
    '秘': 'bi',
    '黑': 'he',
    '种': 'chong',
    '重': 'chong',
    '员': 'yun',
    '召': 'shao',
    '莘': 'shen',
    '贲': 'ben',
    '宿': 'su',
    '柏': 'bai',
    '冼': 'xian',
    '洗': 'xian',
    '尉迟': 'yuchi',
    '长孙': 'zhangsun',
    '万俟': 'moqi',
    '澹台': 'tantai',
}
_pinyin_cache = {}


def pinyin(text, surname=False):
    """Toneless pinyin of ``text`` as one ASCII word ('秀英' -> 'xiuying')."""
    key = (text, surname)
    if key not in _pinyin_cache:
        if surname and text in _ZH_SURNAME_READINGS:
            word = _ZH_SURNAME_READINGS[text]
        else:
            word = ''.join(lazy_pinyin(text))
        _pinyin_cache[key] = ''.join(
            ch for ch in word.lower() if ch.isalnum() and ch.isascii()
        )
    return _pinyin_cache[key]


def ascii_fold(text):
    """Latin text without diacritics: 'Nguyễn Đức' -> 'Nguyen Duc'."""
    text = text.replace('đ', 'd').replace('Đ', 'D')
    decomposed = unicodedata.normalize('NFKD', text)
    return ''.join(ch for ch in decomposed if not unicodedata.combining(ch))


def slug(text):
    return ''.join(
        ch for ch in ascii_fold(text).lower() if ch.isalnum() and ch.isascii()
    )


# --- places -----------------------------------------------------------------


class City:
    """A city of the data set, with the sales team that covers it."""

    def __init__(
        self,
        code,
        name,
        country,
        locale,
        team,
        weight,
        tz,
        zips,
        area_codes,
        districts,
        state=None,
        streets=None,
    ):
        self.code = code
        self.name = name  # the res.partner/crm.lead `city` value
        self.country = country  # res.country code
        self.state = (
            state  # res.country.state code (Odoo 11 has US states, no VN/CN ones)
        )
        self.locale = locale
        self.team = team  # code of the leaf sales team covering it
        self.weight = weight
        self.tz = tz
        self.zips = zips  # (low, high) inclusive
        self.area_codes = area_codes
        self.districts = districts
        self.streets = streets  # local road names (China); others use Faker's lists


CITIES = [
    # Vietnam: 5-digit postcodes since 2018; area codes of the 2017 renumbering.
    City(
        'hanoi',
        'Hanoi',
        'VN',
        VI,
        'vn_hanoi',
        18,
        'Asia/Ho_Chi_Minh',
        (10000, 14999),
        ('24',),
        [
            'Hoàn Kiếm',
            'Ba Đình',
            'Đống Đa',
            'Hai Bà Trưng',
            'Cầu Giấy',
            'Tây Hồ',
            'Thanh Xuân',
            'Long Biên',
            'Nam Từ Liêm',
            'Hoàng Mai',
        ],
    ),
    City(
        'hai_phong',
        'Hai Phong',
        'VN',
        VI,
        'vn_hanoi',
        2,
        'Asia/Ho_Chi_Minh',
        (18000, 18999),
        ('225',),
        ['Hồng Bàng', 'Lê Chân', 'Ngô Quyền', 'Hải An'],
    ),
    City(
        'hcmc',
        'Ho Chi Minh City',
        'VN',
        VI,
        'vn_hcmc',
        18,
        'Asia/Ho_Chi_Minh',
        (70000, 74999),
        ('28',),
        [
            'Quận 1',
            'Quận 3',
            'Quận 5',
            'Quận 7',
            'Quận 10',
            'Bình Thạnh',
            'Phú Nhuận',
            'Tân Bình',
            'Gò Vấp',
            'Thủ Đức',
        ],
    ),
    City(
        'can_tho',
        'Can Tho',
        'VN',
        VI,
        'vn_hcmc',
        2,
        'Asia/Ho_Chi_Minh',
        (94000, 94999),
        ('292',),
        ['Ninh Kiều', 'Bình Thủy', 'Cái Răng'],
    ),
    City(
        'da_nang',
        'Da Nang',
        'VN',
        VI,
        'vn_danang',
        5,
        'Asia/Ho_Chi_Minh',
        (50000, 50999),
        ('236',),
        ['Hải Châu', 'Thanh Khê', 'Sơn Trà', 'Ngũ Hành Sơn', 'Liên Chiểu', 'Cẩm Lệ'],
    ),
    # China: 6-digit postcodes; no provinces in Odoo 11's data.
    City(
        'shanghai',
        'Shanghai',
        'CN',
        ZH,
        'cn_shanghai',
        12,
        'Asia/Shanghai',
        (200000, 201999),
        ('21',),
        ['浦东新区', '黄浦区', '徐汇区', '静安区', '长宁区', '闵行区', '杨浦区'],
        streets=[
            '世纪大道',
            '南京西路',
            '淮海中路',
            '陆家嘴环路',
            '张江路',
            '虹桥路',
            '漕溪北路',
            '延安西路',
            '四川北路',
        ],
    ),
    City(
        'hangzhou',
        'Hangzhou',
        'CN',
        ZH,
        'cn_shanghai',
        2,
        'Asia/Shanghai',
        (310000, 310999),
        ('571',),
        ['西湖区', '滨江区', '上城区', '拱墅区'],
        streets=['文三路', '网商路', '延安路', '江南大道', '湖墅南路'],
    ),
    City(
        'beijing',
        'Beijing',
        'CN',
        ZH,
        'cn_beijing',
        10,
        'Asia/Shanghai',
        (100000, 102999),
        ('10',),
        ['朝阳区', '海淀区', '东城区', '西城区', '丰台区'],
        streets=[
            '建国路',
            '中关村大街',
            '长安街',
            '三里屯路',
            '知春路',
            '金融大街',
            '东三环中路',
            '学院路',
        ],
    ),
    City(
        'shenzhen',
        'Shenzhen',
        'CN',
        ZH,
        'cn_shenzhen',
        7,
        'Asia/Shanghai',
        (518000, 518999),
        ('755',),
        ['南山区', '福田区', '罗湖区', '宝安区', '龙岗区'],
        streets=[
            '深南大道',
            '科技园路',
            '福华三路',
            '华强北路',
            '滨海大道',
            '高新南一道',
        ],
    ),
    City(
        'guangzhou',
        'Guangzhou',
        'CN',
        ZH,
        'cn_shenzhen',
        4,
        'Asia/Shanghai',
        (510000, 510999),
        ('20',),
        ['天河区', '越秀区', '海珠区', '白云区'],
        streets=['天河路', '华夏路', '环市东路', '中山大道', '珠江东路'],
    ),
    # United States: Odoo 11 has the states.
    City(
        'new_york',
        'New York',
        'US',
        EN,
        'us_new_york',
        7,
        'America/New_York',
        (10001, 10282),
        ('212', '646', '917'),
        [],
        state='NY',
    ),
    City(
        'boston',
        'Boston',
        'US',
        EN,
        'us_new_york',
        2,
        'America/New_York',
        (2108, 2137),
        ('617', '857'),
        [],
        state='MA',
    ),
    City(
        'san_francisco',
        'San Francisco',
        'US',
        EN,
        'us_san_francisco',
        5,
        'America/Los_Angeles',
        (94102, 94134),
        ('415', '628'),
        [],
        state='CA',
    ),
    City(
        'seattle',
        'Seattle',
        'US',
        EN,
        'us_san_francisco',
        2,
        'America/Los_Angeles',
        (98101, 98199),
        ('206',),
        [],
        state='WA',
    ),
    City(
        'chicago',
        'Chicago',
        'US',
        EN,
        'us_chicago',
        4,
        'America/Chicago',
        (60601, 60661),
        ('312', '773'),
        [],
        state='IL',
    ),
]
CITY_BY_CODE = {city.code: city for city in CITIES}
CITY_PICK = Weighted((city, city.weight) for city in CITIES)

VI_STREETS = list(faker_address_vi.Provider.streets)
EN_STREET_SUFFIXES = list(faker_address_en.Provider.street_suffixes)

VN_MOBILE_PREFIXES = [
    '90',
    '91',
    '93',
    '94',
    '96',
    '97',
    '98',
    '32',
    '33',
    '34',
    '35',
    '36',
    '37',
    '38',
    '39',
    '70',
    '76',
    '77',
    '78',
    '79',
    '81',
    '83',
    '84',
    '85',
    '86',
    '88',
    '89',
]
CN_MOBILE_PREFIXES = [
    '130',
    '131',
    '132',
    '133',
    '135',
    '136',
    '137',
    '138',
    '139',
    '150',
    '151',
    '152',
    '155',
    '156',
    '158',
    '159',
    '166',
    '176',
    '177',
    '180',
    '181',
    '185',
    '186',
    '187',
    '188',
    '189',
    '199',
]

FREE_MAIL = {
    VI: Weighted(
        [
            ('gmail.com', 70),
            ('yahoo.com.vn', 10),
            ('outlook.com', 10),
            ('hotmail.com', 5),
            ('fpt.vn', 5),
        ]
    ),
    ZH: Weighted(
        [
            ('qq.com', 40),
            ('163.com', 30),
            ('126.com', 12),
            ('sina.com', 8),
            ('foxmail.com', 5),
            ('outlook.com', 5),
        ]
    ),
    EN: Weighted(
        [
            ('gmail.com', 55),
            ('yahoo.com', 15),
            ('outlook.com', 15),
            ('hotmail.com', 8),
            ('icloud.com', 7),
        ]
    ),
}

# --- companies ----------------------------------------------------------------

# Vietnamese company names put the legal form first: "Công ty TNHH Thương mại
# Minh Phát". Faker's vi_VN "suffixes" are these legal forms.
VI_LEGAL_FORMS = Weighted(
    [
        ('Công ty TNHH', 40),
        ('Công ty Cổ phần', 30),
        ('Công ty TNHH MTV', 12),
        ('Doanh nghiệp tư nhân', 5),
        ('Tập đoàn', 3),
    ]
    + [
        (form, 2)
        for form in faker_company_vi.Provider.company_suffixes
        if form
        not in (
            'Công ty TNHH',
            'Công ty Cổ phần',
            'Công ty TNHH MTV',
            'Doanh nghiệp tư nhân',
            'Tập Đoàn',
        )
    ]
)
VI_SECTORS = [
    'Thương mại',
    'Dịch vụ',
    'Xây dựng',
    'Công nghệ',
    'Xuất nhập khẩu',
    'Đầu tư',
    'Sản xuất',
    'Vận tải',
    'Thực phẩm',
    'Phần mềm',
    'Điện tử',
    'Du lịch',
]
VI_BRAND_A = [
    'An',
    'Minh',
    'Phúc',
    'Thành',
    'Hưng',
    'Đại',
    'Việt',
    'Tân',
    'Hoàng',
    'Nam',
    'Kim',
    'Trường',
    'Hòa',
    'Thịnh',
    'Quang',
    'Bảo',
    'Sao',
    'Đông',
    'Phương',
    'Hải',
    'Thiên',
    'Gia',
    'Long',
    'Trí',
]
VI_BRAND_B = [
    'Phát',
    'Long',
    'Thịnh',
    'Lộc',
    'Tiến',
    'Nam',
    'Á',
    'Việt',
    'Thành',
    'Hưng',
    'Phú',
    'Khang',
    'Mai',
    'Dương',
    'Sơn',
    'Anh',
    'Tín',
    'Đạt',
    'Vượng',
    'Minh',
]

ZH_COMPANY_PREFIXES = list(faker_company_zh.Provider.company_prefixes)
ZH_COMPANY_SUFFIXES = list(faker_company_zh.Provider.company_suffixes) + [
    '贸易有限公司',
    '实业有限公司',
    '电子有限公司',
    '股份有限公司',
]
ZH_CITY_PREFIX = {
    'shanghai': '上海',
    'hangzhou': '杭州',
    'beijing': '北京',
    'shenzhen': '深圳',
    'guangzhou': '广州',
}

EN_COMPANY_SUFFIXES = list(faker_company_en.Provider.company_suffixes)

TLDS = {
    VI: Weighted([('com.vn', 5), ('vn', 3), ('com', 2)]),
    ZH: Weighted([('com.cn', 5), ('cn', 3), ('com', 2)]),
    EN: Weighted([('com', 8), ('net', 1), ('io', 1)]),
}

# NACE sections of res.partner.industry (base data), for B2B customers
INDUSTRIES = Weighted(
    [
        ('base.res_partner_industry_C', 18),
        ('base.res_partner_industry_G', 20),
        ('base.res_partner_industry_J', 15),
        ('base.res_partner_industry_F', 10),
        ('base.res_partner_industry_K', 8),
        ('base.res_partner_industry_M', 10),
        ('base.res_partner_industry_H', 8),
        ('base.res_partner_industry_I', 6),
        ('base.res_partner_industry_Q', 5),
    ]
)

JOBS = {
    VI: [
        'Giám đốc',
        'Phó giám đốc',
        'Trưởng phòng kinh doanh',
        'Trưởng phòng IT',
        'Kế toán trưởng',
        'Nhân viên mua hàng',
        'Giám đốc tài chính',
        'Chuyên viên IT',
        'Trưởng phòng nhân sự',
        'Trợ lý giám đốc',
    ],
    ZH: [
        '总经理',
        '副总经理',
        '销售总监',
        'IT经理',
        '财务总监',
        '采购经理',
        '人事经理',
        '技术总监',
        '行政主管',
        '总经理助理',
    ],
    EN: [
        'CEO',
        'CFO',
        'CTO',
        'Purchasing Manager',
        'IT Manager',
        'Head of Sales',
        'Operations Director',
        'Office Manager',
        'HR Manager',
        'Procurement Officer',
    ],
}

# --- deals, messages, activities --------------------------------------------

PRODUCTS = {
    VI: [
        'phần mềm CRM',
        'hệ thống ERP',
        'máy chủ Dell',
        'laptop cho nhân viên',
        'thiết bị mạng Cisco',
        'dịch vụ cloud',
        'camera an ninh',
        'phần mềm kế toán',
        'website thương mại điện tử',
        'máy in văn phòng',
        'bàn ghế văn phòng',
        'phần mềm nhân sự',
    ],
    ZH: [
        'CRM系统',
        'ERP系统',
        '服务器',
        '笔记本电脑',
        '网络设备',
        '云服务',
        '安防监控',
        '财务软件',
        '电商网站',
        '办公打印机',
        '办公家具',
        '人力资源软件',
    ],
    EN: [
        'CRM software',
        'ERP system',
        'Dell servers',
        'laptops',
        'Cisco network gear',
        'cloud hosting',
        'security cameras',
        'accounting software',
        'e-commerce website',
        'office printers',
        'office furniture',
        'HR software',
    ],
}
DEAL_TITLES = {
    VI: [
        'Báo giá {p}',
        'Tư vấn {p}',
        'Nhu cầu {p} cho {n} người dùng',
        'Mua {p}',
        'Nâng cấp {p}',
        'Triển khai {p}',
    ],
    ZH: ['{p}采购', '{p}报价', '{p}咨询', '{n}用户{p}项目', '{p}升级项目', '{p}部署'],
    EN: [
        'Quote for {p}',
        '{p} evaluation',
        '{n} seats of {p}',
        'Purchase of {p}',
        '{p} upgrade',
        '{p} rollout',
    ],
}
INBOUND = {
    VI: [
        'Chào anh/chị, chúng tôi muốn nhận báo giá chi tiết cho {p}.',
        'Cảm ơn anh/chị đã gửi tài liệu. Chúng tôi sẽ phản hồi trong tuần này.',
        'Xin vui lòng cho biết thời gian giao hàng và điều khoản thanh toán.',
        'Chúng tôi cần thêm thông tin về chính sách bảo hành của {p}.',
    ],
    ZH: [
        '您好，我们希望获得{p}的详细报价。',
        '感谢您发送的资料，我们会在本周内回复。',
        '请告知交货时间和付款条件。',
        '我们需要了解更多关于{p}售后服务的信息。',
    ],
    EN: [
        'Hello, we would like a detailed quote for {p}.',
        'Thanks for the documents, we will get back to you this week.',
        'Could you confirm the delivery time and the payment terms?',
        'We need more details about the warranty of the {p}.',
    ],
}
OUTBOUND = {
    VI: [
        'Kính gửi anh/chị, chúng tôi xin gửi kèm báo giá {p}.',
        'Cảm ơn anh/chị đã quan tâm. Tôi xin hẹn lịch demo {p} vào tuần tới.',
    ],
    ZH: ['您好，附件是{p}的报价单，请查收。', '感谢您的关注，我们下周安排{p}演示。'],
    EN: [
        'Dear customer, please find attached our quote for {p}.',
        'Thank you for your interest. Could we schedule a demo of the {p} next week?',
    ],
}
NOTES = {
    VI: [
        'Đã gọi điện cho khách hàng, hẹn gặp tuần sau.',
        'Khách hàng quan tâm đến gói cao cấp.',
        'Đã gửi báo giá qua email.',
        'Cần xác nhận ngân sách với kế toán trưởng.',
    ],
    ZH: [
        '已电话联系客户，约定下周见面。',
        '客户对高级版本感兴趣。',
        '已通过邮件发送报价。',
        '需要与财务总监确认预算。',
    ],
    EN: [
        'Called the customer, meeting booked for next week.',
        'The customer is interested in the premium plan.',
        'Quote sent by email.',
        'Need to confirm the budget with the CFO.',
    ],
}
SUBJECT_PREFIX = {VI: 'V/v', ZH: '关于', EN: 'Re:'}
ACTIVITY_SUMMARIES = {
    VI: [
        'Gọi lại cho khách hàng',
        'Gửi báo giá',
        'Hẹn demo sản phẩm',
        'Theo dõi hợp đồng',
    ],
    ZH: ['回电客户', '发送报价', '安排产品演示', '跟进合同'],
    EN: [
        'Call back the customer',
        'Send the quote',
        'Schedule a product demo',
        'Follow up on the contract',
    ],
}
ACTIVITY_TYPES = Weighted(
    [
        ('mail.mail_activity_data_call', 35),
        ('mail.mail_activity_data_email', 30),
        ('mail.mail_activity_data_meeting', 15),
        ('mail.mail_activity_data_todo', 20),
    ]
)
LOST_REASONS = [
    'Too expensive',
    "We don't have people/skills",
    'Not enough stock',
    'Chose a competitor',
    'No budget this year',
]
SOURCES = Weighted(
    [
        ('utm.utm_source_search_engine', 35),
        ('utm.utm_source_mailing', 10),
        ('utm.utm_source_newsletter', 15),
        ('utm.utm_source_facebook', 25),
        ('utm.utm_source_twitter', 5),
        (None, 10),
    ]
)
MEDIUMS = Weighted(
    [
        ('utm.utm_medium_website', 35),
        ('utm.utm_medium_phone', 20),
        ('utm.utm_medium_direct', 15),
        ('utm.utm_medium_email', 20),
        ('utm.utm_medium_banner', 5),
        (None, 5),
    ]
)
