"""The generator: partners, leads, activities and messages as plain dicts.

Pure Python (no Odoo, no database). Each row is a function of the seed and its
index only: partner ``i`` is drawn from ``random.Random("<seed>/partner/<i>")``,
so the same seed gives the same rows whatever the loader (ORM or COPY), the
chunking, or the number of rows asked for (a smaller data set is a prefix of a
larger one; a lead's partner is drawn among ``n_partners`` so leads also
depend on that number).

References are symbolic: partner indexes, user/team/stage codes (see
reference.py), country and state codes, XML ids. The loaders resolve them.
Dates are naive UTC datetimes relative to ``today`` (a fixed date by default:
pass another one to get data "as of" that day).
"""

import datetime
import math
import random

from . import reference, vocab

REFERENCE_DATE = datetime.date(2026, 11, 23)
COMPANY_EVERY = 5  # partner i is a company when i % 5 == 0 (20 %)
CONTACT_OF_COMPANY = 0.6  # share of people who work for a generated company
OTHER_LOCALE = 0.08  # expatriates: people whose names are of another locale


def _rng(seed, kind, index):
    return random.Random('%s/%s/%s' % (seed, kind, index))


def person(rng, locale):
    """A person's name in the locale's own order, with ASCII forms for e-mails."""
    female = rng.random() < 0.5
    if locale == vocab.VI:
        family = vocab.VI_FAMILY.pick(rng)
        middle = (vocab.VI_MIDDLE_FEMALE if female else vocab.VI_MIDDLE_MALE).pick(rng)
        given = (vocab.VI_GIVEN_FEMALE if female else vocab.VI_GIVEN_MALE).pick(rng)
        return dict(
            name='%s %s %s' % (family, middle, given),
            female=female,
            given_ascii=vocab.slug(given),
            family_ascii=vocab.slug(family),
            middle_ascii=vocab.slug(middle),
            locale=locale,
        )
    if locale == vocab.ZH:
        family = vocab.ZH_FAMILY.pick(rng)
        given = (vocab.ZH_GIVEN_FEMALE if female else vocab.ZH_GIVEN_MALE).pick(rng)
        return dict(
            name=family + given,
            female=female,
            given_ascii=vocab.pinyin(given),
            family_ascii=vocab.pinyin(family, surname=True),
            middle_ascii='',
            locale=locale,
        )
    given = (vocab.EN_GIVEN_FEMALE if female else vocab.EN_GIVEN_MALE).pick(rng)
    family = vocab.EN_FAMILY.pick(rng)
    return dict(
        name='%s %s' % (given, family),
        female=female,
        given_ascii=vocab.slug(given),
        family_ascii=vocab.slug(family),
        middle_ascii='',
        locale=locale,
    )


def personal_local_part(rng, who):
    given, family = who['given_ascii'], who['family_ascii']
    if who['locale'] == vocab.VI:
        forms = [
            '%s.%s' % (given, family),
            '%s%s%s' % (given, family[:1], who['middle_ascii'][:1]),
            '%s%s' % (family, given),
            '%s.%s' % (family, given),
        ]
    elif who['locale'] == vocab.ZH:
        forms = [
            '%s%s' % (family, given),
            '%s.%s' % (given, family),
            '%s.%s' % (family, given),
            '%s_%s' % (family, given),
        ]
    else:
        forms = [
            '%s.%s' % (given, family),
            '%s%s' % (given[:1], family),
            '%s%s' % (given, family),
            '%s.%s' % (family, given),
        ]
    local = rng.choice(forms)
    if rng.random() < 0.55:
        local += str(rng.choice([rng.randint(1, 99), rng.randint(1960, 2004)]))
    return local


def personal_email(rng, who):
    domain = vocab.FREE_MAIL[who['locale']].pick(rng)
    if domain == 'qq.com' and rng.random() < 0.5:
        return '%d@qq.com' % rng.randint(10000, 3999999999)  # QQ numbers
    return '%s@%s' % (personal_local_part(rng, who), domain)


def work_email(rng, who, domain):
    given, family = who['given_ascii'], who['family_ascii']
    local = rng.choice(
        [
            '%s.%s' % (given, family),
            '%s%s' % (given, family[:1]),
            '%s%s' % (given[:1], family),
            given,
        ]
    )
    return '%s@%s' % (local, domain)


def _digits(rng, n):
    return ''.join(rng.choice('0123456789') for _ in range(n))


def landline(rng, city):
    area = rng.choice(city.area_codes)
    if city.country == 'VN':
        if len(area) == 2:
            return '+84 %s %s%s %s' % (
                area,
                rng.choice('36'),
                _digits(rng, 3),
                _digits(rng, 4),
            )
        return '+84 %s %s%s %s' % (
            area,
            rng.choice('36'),
            _digits(rng, 2),
            _digits(rng, 4),
        )
    if city.country == 'CN':
        return '+86 %s %s%s %s' % (
            area,
            rng.choice('5678'),
            _digits(rng, 3),
            _digits(rng, 4),
        )
    return '+1 %s-%d-%s' % (area, rng.randint(201, 989), _digits(rng, 4))


def mobile(rng, city):
    if city.country == 'VN':
        return '+84 %s %s %s' % (
            rng.choice(vocab.VN_MOBILE_PREFIXES),
            _digits(rng, 3),
            _digits(rng, 4),
        )
    if city.country == 'CN':
        return '+86 %s %s %s' % (
            rng.choice(vocab.CN_MOBILE_PREFIXES),
            _digits(rng, 4),
            _digits(rng, 4),
        )
    return '+1 %s-%d-%s' % (
        rng.choice(city.area_codes),
        rng.randint(201, 989),
        _digits(rng, 4),
    )


def address(rng, city):
    """The address fields of a row (street, street2, zip, city, city_code,
    state, country) for an address in ``city``."""
    street, street2, zip_code = _street_and_zip(rng, city)
    return dict(
        street=street,
        street2=street2,
        zip=zip_code,
        city=city.name,
        city_code=city.code,
        state=city.state,
        country=city.country,
    )


def _street_and_zip(rng, city):
    """street, street2, zip of an address in ``city``."""
    low, high = city.zips
    if city.country == 'CN':
        street = '%s%d号' % (rng.choice(city.streets), rng.randint(1, 1999))
        street2 = rng.choice(city.districts)
        if rng.random() < 0.5:
            street2 += '%s座%d室' % (
                rng.choice('ABCD'),
                rng.randint(2, 40) * 100 + rng.randint(1, 20),
            )
        return street, street2, str(rng.randint(low, high))
    if city.country == 'VN':
        number = str(rng.randint(1, 300))
        if rng.random() < 0.3:
            number += '/%d' % rng.randint(1, 60)
        street = '%s %s' % (number, rng.choice(vocab.VI_STREETS))
        district = rng.choice(city.districts)
        if not district.startswith('Quận'):
            district = 'Quận ' + district
        return street, district, '%05d' % rng.randint(low, high)
    name = (vocab.EN_FAMILY if rng.random() < 0.6 else vocab.EN_GIVEN_MALE).pick(rng)
    street = '%d %s %s' % (
        rng.randint(1, 9999),
        name,
        rng.choice(vocab.EN_STREET_SUFFIXES),
    )
    street2 = 'Suite %d' % rng.randint(100, 2999) if rng.random() < 0.3 else None
    return street, street2, '%05d' % rng.randint(low, high)


def company(rng, city):
    """name, e-mail domain and VAT number of a company based in ``city``."""
    locale = city.locale
    tld = vocab.TLDS[locale].pick(rng)
    if locale == vocab.VI:
        brand = '%s %s' % (rng.choice(vocab.VI_BRAND_A), rng.choice(vocab.VI_BRAND_B))
        name = '%s %s %s' % (
            vocab.VI_LEGAL_FORMS.pick(rng),
            rng.choice(vocab.VI_SECTORS),
            brand,
        )
        domain = '%s.%s' % (vocab.slug(brand), tld)
        vat = '0%s' % _digits(rng, 9)
    elif locale == vocab.ZH:
        brand = rng.choice(vocab.ZH_COMPANY_PREFIXES)
        prefix = vocab.ZH_CITY_PREFIX[city.code] if rng.random() < 0.7 else ''
        name = prefix + brand + rng.choice(vocab.ZH_COMPANY_SUFFIXES)
        domain = '%s.%s' % (vocab.pinyin(brand), tld)
        vat = '91%d%s' % (
            rng.randint(110000, 659999),
            ''.join(rng.choice('0123456789ABCDEFGHJKLMNPQRTUWXY') for _ in range(10)),
        )
    else:
        family = [vocab.EN_FAMILY.pick(rng) for _ in range(3)]
        form = rng.random()
        if form < 0.5:
            name = '%s %s' % (family[0], rng.choice(vocab.EN_COMPANY_SUFFIXES))
        elif form < 0.8:
            name = '%s-%s' % (family[0], family[1])
        else:
            name = '%s, %s and %s' % tuple(family)
        domain = '%s.%s' % (
            vocab.slug(
                ''.join(family[:2] if form >= 0.5 else family[:1])
                + ('' if form >= 0.5 else 'group')
            ),
            tld,
        )
        vat = '%02d-%s' % (rng.randint(10, 99), _digits(rng, 7))
    return name, domain, vat


def _ago(rng, now, max_days, skew=1.5):
    """A moment in the ``max_days`` before ``now``, recent ones more likely."""
    seconds = int(max_days * 86400 * rng.random() ** skew)
    return now - datetime.timedelta(seconds=seconds)


def _between(rng, start, end):
    if end <= start:
        return start
    return start + datetime.timedelta(
        seconds=rng.randint(0, int((end - start).total_seconds()))
    )


class DataGenerator:
    """Rows of a data set. ``seed`` selects the data set; ``today`` anchors its
    dates (a fixed day by default, so that the rows are reproducible)."""

    def __init__(
        self, seed=42, today=REFERENCE_DATE, messages_per_lead=1.0, activity_rate=0.35
    ):
        self.seed = seed
        self.today = today
        self.now = datetime.datetime.combine(today, datetime.time(9, 0))
        self.messages_per_lead = messages_per_lead
        self.activity_rate = activity_rate
        self._partner_cache = {}

    # -- partners --------------------------------------------------------------
    def partner(self, i):
        """Partner ``i``: every fifth one a company, the others people, most of
        them contacts of an earlier company (same address, VAT, salesperson)."""
        cached = self._partner_cache.get(i)
        if cached is not None:
            return cached
        rng = _rng(self.seed, 'partner', i)
        if i % COMPANY_EVERY == 0:
            row = self._company_partner(rng, i)
        else:
            row = self._person_partner(rng, i)
        if len(self._partner_cache) > 4096:
            self._partner_cache.clear()
        self._partner_cache[i] = row
        return row

    def _salesperson(self, rng, team, share=0.6):
        if rng.random() < share:
            return rng.choice(reference.salespeople(team))
        return None

    def _company_partner(self, rng, i):
        city = vocab.CITY_PICK.pick(rng)
        name, domain, vat = company(rng, city)
        addr = address(rng, city)
        create_date = _ago(rng, self.now, 1095, skew=1.3)
        user = self._salesperson(rng, city.team)
        local = {
            vocab.VI: ['lienhe', 'info', 'sales'],
            vocab.ZH: ['service', 'info', 'sales'],
            vocab.EN: ['info', 'contact', 'sales', 'hello'],
        }[city.locale]
        return dict(
            index=i,
            locale=city.locale,
            is_company=True,
            parent=None,
            name=name,
            **addr,
            tz=city.tz,
            email='%s@%s' % (rng.choice(local), domain),
            domain=domain,
            phone=landline(rng, city),
            mobile=None,
            website='https://www.%s' % domain,
            function=None,
            vat=vat,
            industry=vocab.INDUSTRIES.pick(rng),
            customer=True,
            supplier=rng.random() < 0.05,
            user=user,
            team=city.team if user or rng.random() < 0.5 else None,
            creator=user,
            create_date=create_date,
            write_date=_between(rng, create_date, self.now),
        )

    def _person_partner(self, rng, i):
        parent = None
        if rng.random() < CONTACT_OF_COMPANY:
            companies_before = (i - 1) // COMPANY_EVERY + 1  # companies 0, 5, ... < i
            # mostly recent companies: company sizes vary, a few are large
            if rng.random() < 0.6:
                back = min(int(rng.expovariate(1 / 8.0)), companies_before - 1)
                j = companies_before - 1 - back
            else:
                j = rng.randrange(companies_before)
            parent = self.partner(j * COMPANY_EVERY)
        if parent:
            city = vocab.CITY_BY_CODE[parent['city_code']]
        else:
            city = vocab.CITY_PICK.pick(rng)
        locale = city.locale
        if rng.random() < OTHER_LOCALE:
            locale = rng.choice([loc for loc in vocab.LOCALES if loc != city.locale])
        who = person(rng, locale)
        row = dict(
            index=i,
            locale=locale,
            is_company=False,
            name=who['name'],
            tz=city.tz,
            mobile=mobile(rng, city),
            customer=True,
            supplier=False,
            industry=None,
            website=None,
            domain=None,
        )
        if parent:
            create_date = _between(rng, parent['create_date'], self.now)
            row.update(
                parent=parent['index'],
                parent_name=parent['name'],
                street=parent['street'],
                street2=parent['street2'],
                zip=parent['zip'],
                city=parent['city'],
                city_code=parent['city_code'],
                country=parent['country'],
                state=parent['state'],
                email=work_email(rng, who, parent['domain']),
                phone=parent['phone'] if rng.random() < 0.5 else landline(rng, city),
                function=rng.choice(vocab.JOBS[city.locale]),
                vat=parent['vat'],
                user=parent['user'],
                team=parent['team'],
            )
        else:
            create_date = _ago(rng, self.now, 1095, skew=1.3)
            addr = address(rng, city)
            user = self._salesperson(rng, city.team, share=0.4)
            row.update(
                parent=None,
                parent_name=None,
                **addr,
                email=personal_email(rng, who),
                phone=landline(rng, city) if rng.random() < 0.3 else None,
                function=None,
                vat=None,
                user=user,
                team=city.team if user else None,
            )
        row.update(
            creator=row['user'],
            create_date=create_date,
            write_date=_between(rng, create_date, self.now),
        )
        return row

    @staticmethod
    def partner_display_name(row):
        """res.partner's display_name (name_get) of a generated partner."""
        if row['parent'] is not None:
            return '%s, %s' % (row['parent_name'], row['name'])
        return row['name']

    # -- leads -----------------------------------------------------------------
    def lead(self, i, n_partners):
        """Lead ``i``; ``n_partners`` is the number of generated partners it may
        belong to (0: none)."""
        rng = _rng(self.seed, 'lead', i)
        is_opportunity = rng.random() < 0.65
        with_partner = n_partners and rng.random() < (0.85 if is_opportunity else 0.3)
        row = dict(index=i, type='opportunity' if is_opportunity else 'lead')
        if with_partner:
            p = self.partner(rng.randrange(n_partners))
            city = vocab.CITY_BY_CODE[p['city_code']]
            row.update(
                partner=p['index'],
                locale=p['locale'],
                partner_name=p['name'] if p['is_company'] else p.get('parent_name'),
                contact_name=None if p['is_company'] else p['name'],
                email_from=p['email'],
                phone=p['phone'],
                mobile=p['mobile'],
                street=p['street'],
                street2=p['street2'],
                zip=p['zip'],
                city=p['city'],
                state=p['state'],
                country=p['country'],
                function=p['function'],
                website=p['website'],
            )
            not_before = p['create_date']
        else:
            city = vocab.CITY_PICK.pick(rng)
            locale = city.locale
            if rng.random() < OTHER_LOCALE:
                locale = rng.choice(
                    [loc for loc in vocab.LOCALES if loc != city.locale]
                )
            who = person(rng, locale)
            addr = address(rng, city)
            if rng.random() < 0.7:
                company_name, domain, _vat = company(rng, city)
                email = work_email(rng, who, domain)
                website = 'https://www.%s' % domain
                function = rng.choice(vocab.JOBS[city.locale])
            else:
                company_name = website = function = None
                email = personal_email(rng, who)
            row.update(
                partner=None,
                locale=locale,
                partner_name=company_name,
                contact_name=who['name'],
                email_from=email,
                phone=landline(rng, city) if company_name else None,
                mobile=mobile(rng, city),
                **addr,
                function=function,
                website=website,
            )
            not_before = None
        locale = city.locale  # deals are written in the language of the market
        product = rng.choice(vocab.PRODUCTS[locale])
        title = rng.choice(vocab.DEAL_TITLES[locale]).format(
            p=product, n=rng.choice([5, 10, 20, 25, 50, 100, 200])
        )
        team = city.team
        assigned = is_opportunity or rng.random() < 0.7
        user = rng.choice(reference.salespeople(team)) if assigned else None
        create_date = _ago(rng, self.now, 730)
        if not_before and create_date < not_before:
            create_date = _between(rng, not_before, self.now)
        if is_opportunity:
            stage = rng.choices(
                ['new', 'qualified', 'proposition', 'negotiation', 'won'],
                cum_weights=[22, 47, 67, 80, 100],
            )[0]
        else:
            stage = 'new' if rng.random() < 0.85 else 'qualified'
        lost = is_opportunity and stage != 'won' and rng.random() < 0.15
        date_open = (
            min(
                create_date
                + datetime.timedelta(
                    seconds=rng.choice([0, 0, rng.randint(60, 3 * 86400)])
                ),
                self.now,
            )
            if user
            else None
        )
        date_closed = None
        if stage == 'won':
            date_closed = min(
                create_date + datetime.timedelta(days=rng.uniform(7, 120)), self.now
            ).replace(microsecond=0)
            stage_update = date_closed
            deadline = date_closed.date()
        else:
            stage_update = (
                create_date if stage == 'new' else _between(rng, create_date, self.now)
            )
            deadline = (
                (create_date + datetime.timedelta(days=rng.randint(30, 150))).date()
                if is_opportunity
                else None
            )
        if is_opportunity:
            revenue = max(500.0, round(math.exp(rng.gauss(math.log(12000), 1.0)), -2))
        else:
            revenue = 0.0
        last_change = max(
            d for d in (create_date, date_open, date_closed, stage_update) if d
        )
        row.update(
            name=title,
            product=product,
            market_locale=locale,
            team=team,
            user=user,
            creator=user,
            stage=stage,
            probability=0.0 if lost else reference.STAGE_PROBABILITY[stage],
            planned_revenue=revenue,
            priority=rng.choices('0123', cum_weights=[50, 80, 95, 100])[0],
            date_deadline=deadline,
            create_date=create_date,
            write_date=_between(
                rng,
                last_change,
                min(last_change + datetime.timedelta(days=30), self.now),
            ),
            date_open=date_open,
            date_closed=date_closed,
            date_last_stage_update=stage_update,
            active=not lost,
            lost_reason=rng.choice(vocab.LOST_REASONS) if lost else None,
            source=vocab.SOURCES.pick(rng),
            medium=vocab.MEDIUMS.pick(rng),
            campaign=(
                rng.choice(
                    [
                        'utm.utm_campaign_fall_drive',
                        'utm.utm_campaign_christmas_special',
                        'utm.utm_campaign_email_campaign_services',
                        'utm.utm_campaign_email_campaign_products',
                    ]
                )
                if rng.random() < 0.2
                else None
            ),
            description=rng.choice(vocab.INBOUND[locale]).format(p=product),
            opt_out=rng.random() < 0.03,
        )
        row['day_open'] = _days_between(create_date, date_open)
        row['day_close'] = _days_between(create_date, date_closed)
        return row

    # -- chatter ---------------------------------------------------------------
    def activities(self, lead):
        """Planned activities (mail.activity) of an open, assigned lead."""
        rng = _rng(self.seed, 'lead-activities', lead['index'])
        if not lead['active'] or lead['stage'] == 'won' or not lead['user']:
            return []
        if rng.random() >= self.activity_rate:
            return []
        count = 1 if rng.random() < 0.85 else 2
        locale = lead['market_locale']
        result = []
        for _k in range(count):
            created = _between(rng, lead['create_date'], self.now)
            result.append(
                dict(
                    type=vocab.ACTIVITY_TYPES.pick(rng),
                    summary=rng.choice(vocab.ACTIVITY_SUMMARIES[locale]),
                    note='<p>%s</p>' % rng.choice(vocab.NOTES[locale]),
                    date_deadline=self.today
                    + datetime.timedelta(days=rng.randint(-15, 30)),
                    user=lead['user'],
                    creator=lead['user'],
                    create_date=created,
                )
            )
        return result

    def messages(self, lead, partner_row=None):
        """The chatter of a lead (mail.message): its creation note, then
        e-mails from the customer, answers and internal notes. ``partner_row``
        is the lead's partner (when it has one), the author of its e-mails."""
        rng = _rng(self.seed, 'lead-messages', lead['index'])
        locale = lead['market_locale']
        record_name = lead['name']
        doc = 'Lead/Opportunity'

        def written_in_odoo(date, message_type, subtype, body, author):
            # Odoo's own Message-Id format; drawn after the body, as always
            return dict(
                date=date,
                message_type=message_type,
                subtype=subtype,
                body=body,
                subject=None,
                author_user=author,
                author_partner=None,
                email_from=None,
                record_name=record_name,
                message_id='<%s-openerp-%s-crm.lead@datagen>'
                % (rng.getrandbits(48), lead['index']),
                creator=author,
            )

        result = [
            written_in_odoo(
                lead['create_date'],
                'notification',
                'mail.mt_note',
                '<p>%s created</p>' % doc,
                lead['creator'],
            )
        ]
        extra = (
            min(6, int(rng.expovariate(1 / self.messages_per_lead)))
            if self.messages_per_lead
            else 0
        )
        end = lead['date_closed'] or self.now
        dates = sorted(_between(rng, lead['create_date'], end) for _ in range(extra))
        contact = lead['contact_name'] or lead['partner_name'] or lead['email_from']
        for date in dates:
            kind = rng.random()
            if kind < 0.45 and lead['email_from']:
                # an e-mail from the customer
                body = rng.choice(vocab.INBOUND[locale]).format(p=lead['product'])
                result.append(
                    dict(
                        date=date,
                        message_type='email',
                        subtype='mail.mt_comment',
                        body='<p>%s</p>' % body,
                        subject='%s %s' % (vocab.SUBJECT_PREFIX[locale], record_name),
                        author_user=None,
                        author_partner=partner_row['index'] if partner_row else None,
                        email_from='"%s" <%s>' % (contact, lead['email_from']),
                        record_name=record_name,
                        message_id='<%s.%s@%s>'
                        % (
                            rng.getrandbits(40),
                            int(date.timestamp()),
                            lead['email_from'].split('@')[-1],
                        ),
                        creator=None,
                    )
                )
            elif kind < 0.75 and lead['user']:
                body = rng.choice(vocab.OUTBOUND[locale]).format(p=lead['product'])
                result.append(
                    written_in_odoo(
                        date, 'comment', 'mail.mt_comment', '<p>%s</p>' % body,
                        lead['user'],
                    )
                )
            else:
                body = rng.choice(vocab.NOTES[locale])
                result.append(
                    written_in_odoo(
                        date, 'comment', 'mail.mt_note', '<p>%s</p>' % body,
                        lead['user'],
                    )
                )
        return result


def _days_between(start, end):
    """crm.lead's day_open/day_close: abs((end - start).days), or 0."""
    if not start or not end:
        return 0.0
    return float(abs((end - start).days))
