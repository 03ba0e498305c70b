#!/usr/bin/env python3
"""Write a scaled family set of invented NTM plans for benchmarking `vnplan compare`.

One province plan, 10 district plans and 150 commune plans (15 per district), filled from
templates in the shape of fixtures/families (Decree 30 header, bases citing the parent,
current criteria counts, Lễ ra quân, Hội nghị sơ kết, tasks and deadlines per commune,
TỔ CHỨC THỰC HIỆN), with planted inconsistencies of the eight kinds, listed in
OUT_DIR/gold.json in the format of fixtures/families/gold.json.

Deterministic (seeded random, stdlib only): the same OUT_DIR content on every run.

Usage: python3 scripts/make_compare_bench.py OUT_DIR [--seed N] [--districts N] [--communes N]
"""

import argparse
import json
import os
import random
import sys
import unicodedata
from datetime import date, timedelta

CRITERIA = {
    1: "Quy hoạch", 2: "Giao thông", 3: "Thủy lợi và phòng, chống thiên tai", 4: "Điện",
    5: "Trường học", 6: "Cơ sở vật chất văn hóa", 7: "Cơ sở hạ tầng thương mại nông thôn",
    8: "Thông tin và Truyền thông", 9: "Nhà ở dân cư", 10: "Thu nhập", 11: "Nghèo đa chiều",
    12: "Lao động", 13: "Tổ chức sản xuất và phát triển kinh tế nông thôn",
    14: "Giáo dục và Đào tạo", 15: "Y tế", 16: "Văn hóa", 17: "Môi trường và an toàn thực phẩm",
    18: "Hệ thống chính trị và tiếp cận pháp luật", 19: "Quốc phòng và An ninh",
}
# criteria that come with a concrete task (parent wording, child wording)
TASKS = {
    2: ("Nâng cấp tuyến đường trục xã ĐX.{n:02d} (đoạn từ thôn {a} đến thôn {b})",
        "Triển khai nâng cấp đường trục xã ĐX.{n:02d} đoạn thôn {a} - thôn {b}"),
    3: ("Nạo vét, kiên cố hóa {k},{d} km kênh mương nội đồng thôn {thon}",
        "Nạo vét, kiên cố hóa {k},{d} km kênh mương nội đồng thôn {thon}"),
    5: ("Xây dựng {m:02d} phòng học Trường Tiểu học {xa}",
        "Hoàn thành xây dựng {m:02d} phòng học Trường Tiểu học {xa}"),
    6: ("Xây dựng nhà văn hóa xã {xa}", "Xây dựng mới nhà văn hóa xã {xa}"),
    7: ("Xây dựng chợ nông thôn xã {xa} tại thôn {thon}",
        "Đầu tư xây dựng chợ nông thôn xã {xa} tại thôn {thon}"),
    9: ("Hỗ trợ xây mới {m:02d} căn nhà cho hộ nghèo, hộ cận nghèo",
        "Hỗ trợ xây mới {m:02d} căn nhà cho hộ nghèo, hộ cận nghèo trên địa bàn xã"),
    13: ("Xây dựng mô hình liên kết sản xuất {sp} gắn với tiêu thụ sản phẩm",
         "Xây dựng 01 mô hình liên kết sản xuất {sp} gắn với tiêu thụ sản phẩm"),
    17: ("Xây dựng {m:02d} điểm tập kết rác thải, nâng tỷ lệ hộ sử dụng nước sạch đạt trên {p}%",
         "Xây dựng {m:02d} điểm tập kết rác thải tại các thôn; vận động Nhân dân sử dụng nước sạch, "
         "nâng tỷ lệ hộ sử dụng nước sạch đạt trên {p}%"),
}
SYLLABLES = ("An Bình Phú Tân Hòa Thịnh Lộc Phong Sơn Hưng Lâm Mỹ Quảng Yên Thạch Đông Nam Bắc "
             "Trung Hợp Thành Tiến Phước Long Đức Minh Hải Xuân Vĩnh Cường Lạc Khánh Lợi Nghĩa "
             "Thuận Hiệp Kim Ngọc Hồng Quang Thái Định Tường Hà").split()
FAMILY = "Nguyễn Trần Lê Phạm Hoàng Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Lương".split()
MIDDLE = "Văn Thị Minh Đức Quốc Thanh Hữu Ngọc Công Xuân".split()
GIVEN = "Hùng Lan Tuấn Hạnh Khánh Sơn Bình Phúc Thành Hậu Mạnh Quyết Sinh Khải Hoa Dũng Nga Vinh".split()
PRODUCTS = ["lúa gạo", "rau an toàn", "cà phê", "bưởi", "chè", "mật ong", "nấm", "cây dược liệu"]
KINDS = ["deadline_after_parent", "event_date_mismatch", "criteria_status_conflict",
         "missing_assignment", "reference_mismatch", "unresolved_reference", "missing_section",
         "period_mismatch"]


def slug(name):
    s = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return "_".join(s.lower().split())


def dmy(d):
    """`15/02/2025`, `05/6/2025`: the day on two digits, the month on two only in January, February."""
    return "%02d/%s/%d" % (d.day, ("%02d" % d.month) if d.month < 3 else str(d.month), d.year)


def words(d):
    return "ngày %02d tháng %s năm %d" % (d.day, ("%02d" % d.month) if d.month < 3 else str(d.month), d.year)


def month_end(m):
    return (date(2025, m + 1, 1) if m < 12 else date(2026, 1, 1)) - timedelta(days=1)


class Names:
    def __init__(self, rng):
        self.rng, self.used = rng, set()

    def place(self):
        while True:
            n = " ".join(self.rng.sample(SYLLABLES, 2))
            if n not in self.used:
                self.used.add(n)
                return n

    def person(self):
        r = self.rng
        return "%s %s %s" % (r.choice(FAMILY), r.choice(MIDDLE), r.choice(GIVEN))


def header(level_up, name, number, place, d):
    return ("ỦY BAN NHÂN DÂN\n%s %s\nSố: %s\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n%s, %s\n\nKẾ HOẠCH\n"
            % (level_up, name.upper(), number, place, words(d)))


def closing(recipients, signer, deputy):
    sig = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" if deputy else "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"
    return "\nNơi nhận:\n" + "".join("- %s;\n" % r for r in recipients[:-1]) + \
        "- %s.\n%s\n\n%s\n" % (recipients[-1], sig, signer)


def build(out, seed, n_districts, n_communes):
    rng = random.Random(seed)
    names = Names(rng)
    gold = []
    prov = names.place()
    pdir = "tinh_" + slug(prov)
    os.makedirs(os.path.join(out, pdir), exist_ok=True)
    p_no = "%d/KH-UBND" % rng.randint(20, 99)
    p_date = date(2025, 2, 10)
    raquan = date(2025, 2, 15)
    lunar = "tức ngày 18 tháng Giêng năm Ất Tỵ"
    p_dl = {"plan": date(2025, 2, 28), "review": date(2025, 3, 31),
            "six": date(2025, 6, 10), "year": date(2025, 12, 10)}
    p_path = pdir + "/kh_tinh.txt"

    districts = []
    for i in range(n_districts):
        dn = names.place()
        districts.append(dn)
    # which district/commune gets which plant: every kind at least once, then at random
    slots = [(i, j) for i in range(n_districts) for j in range(n_communes)]
    rng.shuffle(slots)
    n_plants = max(len(KINDS), len(slots) // 5)
    plants = {}
    for k, slot in enumerate(slots[:n_plants]):
        plants[slot] = KINDS[k % len(KINDS)] if k < 2 * len(KINDS) else rng.choice(KINDS)
    district_plants = {}
    for i in rng.sample(range(n_districts), min(2, n_districts)):
        district_plants[i] = ["deadline_after_parent", "reference_mismatch"][len(district_plants)]

    # ---- province
    t = header("TỈNH", prov, p_no, prov, p_date)
    t += ("Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới\ntrên địa bàn tỉnh %s năm 2025\n\n" % prov)
    t += ("Căn cứ Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ phê duyệt Chương trình "
          "mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025;\n"
          "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Chương trình năm 2025 như sau:\n\n"
          "I. MỤC ĐÍCH, YÊU CẦU\n- Tổ chức thực hiện có hiệu quả Chương trình năm 2025; phân công rõ người, "
          "rõ việc, rõ thời gian hoàn thành.\n\nII. MỤC TIÊU\n")
    for dn in districts:
        t += "- Huyện %s: phấn đấu có thêm 01 - 02 xã đạt chuẩn nông thôn mới.\n" % dn
    t += ("\nIII. NHIỆM VỤ, GIẢI PHÁP\n1. Lễ ra quân xây dựng nông thôn mới đầu năm 2025 được tổ chức đồng loạt "
          "tại tất cả các huyện, thị xã vào ngày %s (%s).\n2. Ưu tiên vốn cho giao thông, trường học, "
          "cấp nước sạch ở các xã phấn đấu đạt chuẩn năm 2025.\n\n" % (dmy(raquan), lunar))
    t += ("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp và Phát triển nông thôn\nChủ trì theo dõi, đôn đốc, "
          "tổng hợp kết quả thực hiện của các huyện, thị xã.\n2. UBND các huyện, thị xã\n"
          "- Xây dựng, ban hành kế hoạch thực hiện Chương trình năm 2025 trên địa bàn, hoàn thành trước ngày %s.\n"
          "- Tổ chức Lễ ra quân xây dựng nông thôn mới đầu năm 2025 tại địa phương vào ngày %s.\n"
          "- Hoàn thành rà soát, đánh giá thực trạng các tiêu chí nông thôn mới của các xã trên địa bàn trước ngày %s.\n"
          "- Báo cáo kết quả thực hiện 6 tháng đầu năm 2025 về UBND tỉnh (qua Sở Nông nghiệp và Phát triển nông thôn) trước ngày %s.\n"
          "- Báo cáo kết quả thực hiện Chương trình năm 2025 về UBND tỉnh (qua Sở Nông nghiệp và Phát triển nông thôn) trước ngày %s.\n"
          "3. UBND tỉnh báo cáo Ban Chỉ đạo Trung ương các Chương trình mục tiêu quốc gia kết quả thực hiện "
          "6 tháng đầu năm 2025 trước ngày 20/6/2025.\n"
          % (dmy(p_dl["plan"]), dmy(raquan), dmy(p_dl["review"]), dmy(p_dl["six"]), dmy(p_dl["year"])))
    t += "\nTrên đây là Kế hoạch thực hiện Chương trình năm 2025 trên địa bàn tỉnh %s./.\n" % prov
    t += closing(["Bộ Nông nghiệp và PTNT (b/c)", "Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã",
                  "Lưu: VT, KTN"], names.person(), True)
    with open(os.path.join(out, p_path), "w", encoding="utf-8") as f:
        f.write(t)

    # ---- districts and communes
    for i, dn in enumerate(districts):
        ddir = "%s/huyen_%02d_%s" % (pdir, i + 1, slug(dn))
        os.makedirs(os.path.join(out, ddir), exist_ok=True)
        d_path = ddir + "/kh_huyen.txt"
        d_no = "%d/KH-UBND" % rng.choice([n for n in range(10, 90) if "%d/KH-UBND" % n != p_no])
        d_date = date(2025, 2, rng.randint(11, 13))
        soket = date(2025, 7, rng.randint(5, 12))
        c_six = date(2025, 6, 5)
        c_year = rng.choice([date(2025, 11, 30), date(2025, 12, 5)])
        d_six, d_year = p_dl["six"], rng.choice([date(2025, 12, 5), p_dl["year"]])
        cite_p = p_date
        dp = district_plants.get(i)
        if dp == "deadline_after_parent":
            d_six = p_dl["six"] + timedelta(days=5)
            gold.append({"kind": dp, "child": d_path, "parent": p_path,
                         "why": "province to 'UBND các huyện, thị xã': 6-month report before %s; district: before %s"
                                % (dmy(p_dl["six"]), dmy(d_six))})
        elif dp == "reference_mismatch":
            cite_p = date(2025, 1, 10)
            gold.append({"kind": dp, "child": d_path, "parent": p_path,
                         "why": "district cites '%s ngày %s'; the province plan is of %s" % (p_no, dmy(cite_p), dmy(p_date))})

        communes = []
        for j in range(n_communes):
            cn = names.place()
            achieved = rng.choice([19, 19, 18, 18, 17, 17, 16, 15])
            unmet = sorted(rng.sample(sorted(TASKS), 19 - achieved))
            tasks = []
            for c in unmet:
                thon = " ".join(rng.sample(SYLLABLES, 2))
                params = dict(n=rng.randint(1, 30), a=rng.randint(1, 4), b=rng.randint(5, 9),
                              k=rng.randint(1, 3), d=rng.randint(1, 9), thon=thon, m=rng.randint(2, 12),
                              xa=cn, sp=rng.choice(PRODUCTS), p=rng.choice([60, 70, 80]))
                due = month_end(rng.randint(4, 10))
                tasks.append((c, TASKS[c][0].format(**params), TASKS[c][1].format(**params), due))
            if not tasks:  # a commune already at 19/19: a maintenance task
                thon = " ".join(rng.sample(SYLLABLES, 2))
                tasks.append((None, "Xây dựng nhà văn hóa thôn %s" % thon, "Xây dựng nhà văn hóa thôn %s" % thon,
                              month_end(rng.randint(5, 9))))
            communes.append(dict(name=cn, achieved=achieved, unmet=unmet, tasks=tasks,
                                 no="%02d/KH-UBND" % rng.randint(1, 30), date=d_date + timedelta(days=rng.randint(1, 2)),
                                 path="%s/xa_%s.txt" % (ddir, slug(cn)), plant=plants.get((i, j))))

        # district text
        t = header("HUYỆN", dn, d_no, dn, d_date)
        t += "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới\ntrên địa bàn huyện %s năm 2025\n\n" % dn
        t += ("Căn cứ Quyết định số 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ ban hành Bộ tiêu chí quốc gia "
              "về xã nông thôn mới giai đoạn 2021 - 2025;\nCăn cứ Kế hoạch số %s ngày %s của UBND tỉnh %s về thực hiện "
              "Chương trình mục tiêu quốc gia xây dựng nông thôn mới trên địa bàn tỉnh năm 2025;\n"
              "UBND huyện %s xây dựng Kế hoạch thực hiện Chương trình năm 2025 như sau:\n\n"
              % (p_no, dmy(cite_p), prov, dn))
        t += ("I. MỤC ĐÍCH, YÊU CẦU\n- Cụ thể hóa các nhiệm vụ UBND tỉnh giao; duy trì, nâng cao chất lượng các tiêu chí.\n"
              "- Các phòng, ban và UBND các xã, thị trấn chủ động triển khai, bảo đảm tiến độ.\n\n"
              "II. THỰC TRẠNG\n")
        for c in communes:
            if c["achieved"] == 19:
                t += "- Xã %s: đạt 19/19 tiêu chí.\n" % c["name"]
            else:
                lst = ", ".join("Tiêu chí số %d (%s)" % (k, CRITERIA[k]) for k in c["unmet"])
                t += "- Xã %s: đạt %d/19 tiêu chí; còn %02d tiêu chí chưa đạt gồm: %s.\n" % (
                    c["name"], c["achieved"], len(c["unmet"]), lst)
        t += ("\nIII. NỘI DUNG THỰC HIỆN\n1. Lễ ra quân xây dựng nông thôn mới đầu năm 2025 được tổ chức đồng loạt tại "
              "các xã, thị trấn vào ngày %s.\n2. Hội nghị sơ kết 6 tháng đầu năm 2025 thực hiện Chương trình trên địa "
              "bàn huyện tổ chức vào ngày %s.\n\n" % (dmy(raquan), dmy(soket)))
        t += ("IV. TỔ CHỨC THỰC HIỆN\n1. Phòng Nông nghiệp và Phát triển nông thôn\nChủ trì hướng dẫn, đôn đốc các xã "
              "triển khai thực hiện Kế hoạch; hoàn thành rà soát, đánh giá thực trạng các tiêu chí của các xã trước ngày %s.\n"
              % dmy(p_dl["review"] - timedelta(days=rng.randint(0, 6))))
        for k, c in enumerate(communes):
            t += "%d. UBND xã %s\n" % (k + 2, c["name"])
            for _, ptask, _, due in c["tasks"]:
                t += "- %s, hoàn thành trước ngày %s.\n" % (ptask, dmy(due))
        k = len(communes) + 2
        t += ("%d. UBND các xã, thị trấn\n- Xây dựng, ban hành kế hoạch thực hiện năm 2025 của địa phương trước ngày 20/02/2025.\n"
              "- Tổ chức Lễ ra quân xây dựng nông thôn mới tại địa phương vào ngày %s.\n"
              "- Báo cáo kết quả thực hiện 6 tháng đầu năm 2025 về UBND huyện (qua Phòng Nông nghiệp và PTNT) trước ngày %s.\n"
              "- Báo cáo kết quả thực hiện năm 2025 về UBND huyện (qua Phòng Nông nghiệp và PTNT) trước ngày %s.\n"
              % (k, dmy(raquan), dmy(c_six), dmy(c_year)))
        t += ("%d. UBND huyện báo cáo kết quả thực hiện 6 tháng đầu năm 2025 về UBND tỉnh (qua Sở Nông nghiệp và Phát "
              "triển nông thôn) trước ngày %s.\n%d. UBND huyện báo cáo kết quả thực hiện năm 2025 về UBND tỉnh (qua Sở "
              "Nông nghiệp và Phát triển nông thôn) trước ngày %s.\n" % (k + 1, dmy(d_six), k + 2, dmy(d_year)))
        t += "\nTrên đây là Kế hoạch thực hiện Chương trình năm 2025 trên địa bàn huyện %s./.\n" % dn
        t += closing(["UBND tỉnh (b/c)", "Sở Nông nghiệp và PTNT tỉnh (b/c)", "UBND các xã, thị trấn", "Lưu: VT, NN"],
                     names.person(), rng.random() < 0.6)
        with open(os.path.join(out, d_path), "w", encoding="utf-8") as f:
            f.write(t)

        for c in communes:
            write_commune(out, rng, names, c, dict(name=dn, no=d_no, date=d_date, path=d_path, raquan=raquan,
                                                   soket=soket, six=c_six, year=c_year), gold)
    gold.sort(key=lambda g: (g["child"], g["kind"]))
    with open(os.path.join(out, "gold.json"), "w", encoding="utf-8") as f:
        json.dump({"findings": gold}, f, ensure_ascii=False, indent=2)
        f.write("\n")
    return gold


def write_commune(out, rng, names, c, d, gold):
    plant = c["plant"]
    cn = c["name"]
    cite = d["date"]
    period = "năm 2025"
    raquan = d["raquan"]
    achieved, unmet = c["achieved"], list(c["unmet"])
    tasks = [(k, ctask, due - timedelta(days=rng.choice([0, 0, 5, 10, 15]))) for k, _, ctask, due in c["tasks"]]
    six, year = d["six"], d["year"] - timedelta(days=rng.choice([0, 0, 5]))
    extra_ref = None
    soket_date = d["soket"] if rng.random() < 0.3 else None
    g = lambda why, parent=d["path"]: gold.append({"kind": plant, "child": c["path"], "parent": parent, "why": why})
    if plant == "deadline_after_parent":
        k, task, due = tasks[0]
        _, parent_task, _, parent_due = c["tasks"][0]
        tasks[0] = (k, task, parent_due + timedelta(days=15))
        g("district to 'UBND xã %s': '%s' before %s; commune: '%s' before %s"
          % (cn, parent_task, dmy(parent_due), task, dmy(tasks[0][2])))
    elif plant == "event_date_mismatch":
        if rng.random() < 0.5:
            raquan = raquan + timedelta(days=1)
            g("Lễ ra quân: district %s; commune %s" % (dmy(d["raquan"]), dmy(raquan)))
        else:
            soket_date = d["soket"] + timedelta(days=2)
            g("Hội nghị sơ kết 6 tháng: district %s; commune %s" % (dmy(d["soket"]), dmy(soket_date)))
    elif plant == "criteria_status_conflict":
        pool = [k for k in CRITERIA if k not in unmet and k not in TASKS]
        if achieved < 19 and rng.random() < 0.5:
            old = unmet.pop(rng.randrange(len(unmet)))
            new = rng.choice(pool)
            unmet = sorted(unmet + [new])
            # the commune still does the district's task for `old`, without calling it unmet
            tasks = [(None if k == old else k, task, due) for k, task, due in tasks]
            g("same count %d/19; district: Tiêu chí số %d chưa đạt; commune: Tiêu chí số %d chưa đạt instead"
              % (achieved, old, new))
        else:
            unmet = sorted(unmet + [rng.choice(pool)])
            g("district: 'đạt %d/19 tiêu chí'; commune: 'đạt %d/19 tiêu chí'" % (achieved, achieved - 1))
            achieved -= 1
    elif plant == "missing_assignment":
        k, task, due = tasks.pop(0)
        parent_task = c["tasks"][0][1]
        g("district to 'UBND xã %s': '%s'; nothing matching in the commune plan" % (cn, parent_task))
    elif plant == "reference_mismatch":
        cite = d["date"] + timedelta(days=rng.choice([1, 2, -1, -2]))
        g("commune cites '%s ngày %s'; the district plan is of %s" % (d["no"], dmy(cite), dmy(d["date"])))
    elif plant == "unresolved_reference":
        extra_ref = "Kế hoạch số %d/KH-UBND ngày %s của UBND huyện %s về phát triển sản phẩm OCOP năm 2025" % (
            rng.randint(90, 99), dmy(date(2025, 1, rng.randint(5, 25))), d["name"])
        gold.append({"kind": plant, "child": c["path"], "parent": None, "why": "commune cites '%s'" % extra_ref})
    elif plant == "period_mismatch":
        period = rng.choice(["giai đoạn 2025 - 2027", "năm 2025 - 2026"])
        g("district: 'năm 2025'; commune: '%s'" % period)
    elif plant == "missing_section":
        gold.append({"kind": plant, "child": c["path"], "parent": None, "why": "no TỔ CHỨC THỰC HIỆN section"})

    t = header("XÃ", cn, c["no"], cn, c["date"])
    t += "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới\ntrên địa bàn xã %s %s\n\n" % (cn, period)
    t += ("Căn cứ Kế hoạch số %s ngày %s của UBND huyện %s về thực hiện Chương trình mục tiêu quốc gia xây dựng "
          "nông thôn mới trên địa bàn huyện năm 2025;\n" % (d["no"], dmy(cite), d["name"]))
    if extra_ref:
        t += "Căn cứ %s;\n" % extra_ref
    t += "UBND xã %s xây dựng Kế hoạch %s như sau:\n\n" % (cn, period)
    t += ("I. MỤC ĐÍCH, YÊU CẦU\n- Huy động mọi nguồn lực, duy trì và nâng cao chất lượng các tiêu chí nông thôn mới.\n"
          "- Phân công cụ thể cho từng ban, ngành, thôn.\n\nII. THỰC TRẠNG VÀ MỤC TIÊU\n")
    if achieved == 19 and not unmet:
        t += "Đến nay, xã duy trì đạt 19/19 tiêu chí.\n"
    else:
        lst = ", ".join("Tiêu chí số %d (%s)" % (k, CRITERIA[k]) for k in unmet)
        t += "Đến nay, xã đã đạt %d/19 tiêu chí; còn %02d tiêu chí chưa đạt gồm: %s.\n" % (achieved, len(unmet), lst)
        t += "Đến cuối năm 2025, xã phấn đấu đạt 19/19 tiêu chí.\n"
    t += "\nIII. NHIỆM VỤ, GIẢI PHÁP\n1. Tổ chức Lễ ra quân xây dựng nông thôn mới đầu năm 2025 vào ngày %s.\n" % (
        dmy(raquan) if rng.random() < 0.6 else words(raquan))
    n = 2
    for k, task, due in tasks:
        if k:
            task = "Tiêu chí số %d (%s): %s" % (k, CRITERIA[k], task[0].lower() + task[1:])
        t += "%d. %s, hoàn thành trước ngày %s.\n" % (n, task, dmy(due))
        n += 1
    if soket_date:
        t += "%d. Chuẩn bị báo cáo tại Hội nghị sơ kết 6 tháng đầu năm 2025 của huyện tổ chức vào ngày %s.\n" % (
            n, dmy(soket_date))
    reports = ("UBND xã báo cáo kết quả thực hiện 6 tháng đầu năm 2025 về UBND huyện (qua Phòng Nông nghiệp và PTNT) "
               "trước ngày %s và báo cáo kết quả thực hiện năm 2025 về UBND huyện (qua Phòng Nông nghiệp và PTNT) "
               "trước ngày %s" % (dmy(six), dmy(year)))
    if plant == "missing_section":
        t += "\nTrên đây là Kế hoạch %s của xã %s. %s./.\n" % (period, cn, reports)
    else:
        t += ("\nIV. TỔ CHỨC THỰC HIỆN\n1. Công chức Địa chính - Xây dựng: chủ trì theo dõi, giám sát thi công các công trình.\n"
              "2. %s.\n3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã và các đoàn thể tuyên truyền, vận động Nhân dân "
              "tham gia.\n\nTrên đây là Kế hoạch %s của xã %s./.\n" % (reports, period, cn))
    t += closing(["UBND huyện %s (b/c)" % d["name"], "Phòng NN&PTNT huyện", "Lưu: VT"], names.person(),
                 rng.random() < 0.4)
    with open(os.path.join(out, c["path"]), "w", encoding="utf-8") as f:
        f.write(t)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--districts", type=int, default=10)
    ap.add_argument("--communes", type=int, default=15)
    a = ap.parse_args()
    os.makedirs(a.out_dir, exist_ok=True)
    gold = build(a.out_dir, a.seed, a.districts, a.communes)
    n = 1 + a.districts * (1 + a.communes)
    counts = {}
    for g in gold:
        counts[g["kind"]] = counts.get(g["kind"], 0) + 1
    print("wrote %d plans and gold.json (%d findings: %s) to %s" % (
        n, len(gold), ", ".join("%s %d" % kv for kv in sorted(counts.items())), a.out_dir), file=sys.stderr)


if __name__ == "__main__":
    main()
