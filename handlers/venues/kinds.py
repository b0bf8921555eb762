"""The kinds of venue people check in at, with the words that name them."""

from __future__ import annotations

from handlers.flow import Option

KINDS = (
    Option("market", "venue.kind.market", ("cho", "cho dau moi", "sieu thi", "trung tam thuong mai", "market")),
    Option("office", "venue.kind.office", ("co quan", "van phong", "cong ty", "nha may", "xi nghiep", "office")),
    Option("school", "venue.kind.school", ("truong", "truong hoc", "mam non", "nha tre", "dai hoc", "school")),
    Option("shop", "venue.kind.shop", ("cua hang", "quan", "tiem", "quan an", "nha hang", "cafe", "ca phe", "shop")),
    Option("clinic", "venue.kind.clinic", ("co so y te", "benh vien", "tram y te", "phong kham", "nha thuoc",
                                           "clinic", "hospital")),
    Option("transport", "venue.kind.transport", ("phuong tien cong cong", "xe buyt", "xe bus", "tau", "xe khach",
                                                 "ben xe", "phuong tien", "bus")),
    Option("other", "venue.kind.other", ("khac", "noi khac", "other")),
)
KIND_IDS = tuple(option.id for option in KINDS)
