"""/huongdan: one line per command, headings per role (the lists come from handlers/commands.py)."""

MESSAGES = {
    "guide.heading.citizen": "Help — the commands you can use:",
    "guide.heading.gatekeeper": "Help (QR code checker) — the commands you can use:",
    "guide.heading.commune_official": "Help (commune official) — the commands you can use:",
    "guide.heading.province_official": "Help (province official) — the commands you can use:",
    "guide.heading.admin": "Help (administrator) — the commands you can use:",
    "guide.footer": (
        "Answer with the number of a choice (e.g. \"1\" or \"1 3\") or in words.\n"
        "Ministry of Health hotline: 1900 9095."
    ),
    "guide.khaibao": "/declare (/khaibao) — make a health declaration",
    "guide.quaylai": "/back (/quaylai) — back to the previous question",
    "guide.huy": "/cancel (/huy) — cancel what you're doing",
    "guide.batdau": "/start (/batdau) — start again from the beginning",
    "guide.vungdich": "/outbreak (/vungdich) — see the outbreak areas",
    "guide.thongbao": "/notices (/thongbao) — read the authorities' notices",
    "guide.baocao": "/report (/baocao) — report a suspected case or someone back from an outbreak area",
    "guide.dulieucuatoi": "/mydata (/dulieucuatoi) — see and download your data",
    "guide.xoadulieu": "/deletedata (/xoadulieu) — withdraw your consent and delete your data",
    "guide.canbo": "/join CODE (/canbo) — accept an invitation as an official or a checker",
    "guide.huongdan": "/help (/huongdan) — show this help",
    "guide.kiemtra": "/check CODE (/kiemtra) — check a declaration code or QR code",
    "guide.canhbao": "/alerts (/canhbao) — your area's alerts and reports not yet taken up",
    "guide.tiepnhan": "/ack NUMBER (/tiepnhan) — take up an alert (without a number: see the list)",
    "guide.dabaocao": "/reported (/dabaocao) — confirm you have sent a periodic report",
    "guide.theodoi": "/monitor CODE [DAYS] (/theodoi) — put a declarant under health monitoring",
    "guide.thongke": "/stats (/thongke) — statistics and charts of your area",
    "guide.xuat": "/export (/xuat) — export your area's declarations to Excel",
    "guide.thongbao_moi": "/newnotice (/thongbao_moi) — write and send a notice or directive",
    "guide.moi_canbo": "/invite (/moi_canbo) — invite an official or a checker",
    "guide.dscanbo": "/staff (/dscanbo) — list the officials and checkers",
    "guide.xoacanbo": "/removestaff NUMBER (/xoacanbo) — revoke an official's role",
    "guide.diaban": "/areas NAME (/diaban) — find the code of a province or commune by name",
}
