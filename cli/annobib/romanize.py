"""Romanization suggestions for APA: Hanyu Pinyin, Hepburn (kana), Revised Romanization, Russian.

These are *suggestions*: the formatter uses them only when the user has not recorded the
romanization (``title_romanized`` etc.), and warns. Pinyin words are joined two syllables at a
time (most Chinese words have two characters), which a person should check. pypinyin is
imported on first use only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from annobib.names import char_script, romanize_hangul
from annobib.text import syllables

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_PUNCT = {
    "，": ", ",
    "。": ". ",
    "：": ": ",
    "；": "; ",
    "？": "? ",
    "！": "! ",
    "、": ", ",
    "（": " (",
    "）": ") ",
    "《": "",
    "》": "",
    "〈": "",
    "〉": "",
    "「": "“",
    "」": "”",
    "『": "“",
    "』": "”",
    "—": "—",
    "·": " ",
    "　": " ",
}


@lru_cache(maxsize=65536)
def _syllables(run: str) -> list[str]:
    # lazy: loads pypinyin only when this runs
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(run, style=Style.NORMAL, v_to_u=True, errors="default")


# Words a syllable-pair heuristic gets wrong in this field's titles: transliterated names, places
# and a few common terms. Capitalized entries are proper nouns (they keep their capital).
WORDS = {
    "特朗普": "Telangpu",
    "拜登": "Baideng",
    "奥巴马": "Aobama",
    "普京": "Pujing",
    "习近平": "Xi Jinping",
    "马科斯": "Makesi",
    "石破茂": "Shipo Mao",
    "岸田文雄": "Antian Wenxiong",
    "赫格塞思": "Hegesaisi",
    "美国": "Meiguo",
    "中国": "Zhongguo",
    "日本": "Riben",
    "韩国": "Hanguo",
    "朝鲜": "Chaoxian",
    "菲律宾": "Feilübin",
    "澳大利亚": "Aodaliya",
    "印度": "Yindu",
    "俄罗斯": "Eluosi",
    "台湾": "Taiwan",
    "东盟": "Dongmeng",
    "北约": "Beiyue",
    "欧盟": "Oumeng",
    "美日": "Mei-Ri",
    "美菲": "Mei-Fei",
    "美韩": "Mei-Han",
    "中美": "Zhong-Mei",
    "美澳": "Mei-Ao",
    "日美": "Ri-Mei",
    "五角大楼": "Wujiao Dalou",
    "印太": "Yintai",
    "亚太": "Yatai",
    "台海": "Taihai",
    "南海": "Nanhai",
    "东亚": "Dong Ya",
    "战略": "zhanlüe",
    "同盟": "tongmeng",
    "联盟": "lianmeng",
    "盟友": "mengyou",
    "政策": "zhengce",
    "政府": "zhengfu",
    "国家": "guojia",
    "国际": "guoji",
    "关系": "guanxi",
    "安全": "anquan",
    "军事": "junshi",
    "经济": "jingji",
    "贸易": "maoyi",
    "关税": "guanshui",
    "竞争": "jingzheng",
    "合作": "hezuo",
    "对外": "duiwai",
    "第二": "di'er",
    "任期": "renqi",
    "前瞻": "qianzhan",
    "发展": "fazhan",
    "前景": "qianjing",
    "世界": "shijie",
    "主要": "zhuyao",
    "矛盾": "maodun",
    "修正主义": "xiuzheng zhuyi",
    "大国": "daguo",
    "平衡": "pingheng",
    "冲击": "chongji",
    "局势": "jushi",
    "走向": "zouxiang",
    "综论": "zonglun",
    "时期": "shiqi",
    "体系": "tixi",
    "角色": "juese",
    "探析": "tanxi",
    "结构": "jiegou",
    "威胁": "weixie",
    "认知": "renzhi",
    "双向": "shuangxiang",
    "对冲": "duichong",
    "肩并肩": "jianbingjian",
    "新版": "xinban",
    "端倪": "duanni",
    "谴责": "qianze",
    "挑衅": "tiaoxin",
    "手段": "shouduan",
    "应对": "yingdui",
    "确认": "queren",
    "敏感": "mingan",
    "严肃": "yansu",
    "对待": "duidai",
    "问题": "wenti",
    "积极": "jiji",
    "谈判": "tanpan",
    "施压": "shiya",
    "增加": "zengjia",
    "军费": "junfei",
    "涉台": "shetai",
    "优先": "youxian",
    "事项": "shixiang",
    "美媒": "Meimei",
    "曝光": "baoguang",
    "机密": "jimi",
    "文件": "wenjian",
    "演变": "yanbian",
    "现代": "xiandai",
    "当代": "dangdai",
    "研究": "yanjiu",
    "观察": "guancha",
    "知识": "zhishi",
}


def _segment(run: str) -> list[str]:
    """Greedy longest-match words (WORDS, then pypinyin's phrase list), single characters between."""
    try:
        # here: the name is rebound in this module
        from pypinyin.constants import PHRASES_DICT
    except Exception:  # noqa: BLE001
        PHRASES_DICT = {}
    out, i, n = [], 0, len(run)
    while i < n:
        for size in (4, 3, 2):
            piece = run[i : i + size]
            if len(piece) == size and (piece in WORDS or piece in PHRASES_DICT):
                out.append(piece)
                i += size
                break
        else:
            out.append(run[i])
            i += 1
    return out


# pypinyin's contextual reading costs ~10 µs a character: runs of Han characters longer than
# this (100,000 characters of hostile or pasted text) take the fast per-character table instead.
MAX_CONTEXT_RUN = 2000


def pinyin_words(text: str) -> str:
    """Toneless pinyin of Chinese text, syllables joined in pairs: 世界知识 -> ``shijie zhishi``."""

    def pairs(syl: list[str]) -> list[str]:
        words = ["".join(syl[i : i + 2]) for i in range(0, len(syl), 2)]
        if len(words) > 1 and len(syl) % 2 == 1:
            # an odd syllable out joins the previous word (三字词 are commoner than 单字)
            words[-2] += words[-1]
            words.pop()
        return words

    def one_run(m: re.Match) -> str:
        run = m.group(0)
        if len(run) > MAX_CONTEXT_RUN:  # no title is this long: each character's first reading
            return " " + " ".join(pairs([r[0] if r else ch for ch, r in zip(run, syllables(run))])) + " "
        syl = _syllables(run)  # one reading per character, chosen in context by pypinyin
        if len(syl) != len(run):  # never expected for a run of Han characters; be safe
            return " " + " ".join(pairs(syl)) + " "
        pieces = _segment(run)
        words: list[str] = []
        singles: list[str] = []
        k = 0
        for piece in pieces:
            part = syl[k : k + len(piece)]
            k += len(piece)
            if len(piece) > 1:
                if singles:
                    words.extend(pairs(singles))
                    singles = []
                if piece in WORDS:
                    words.append(WORDS[piece])
                elif len(piece) == 4:  # 北京大学 -> beijing daxue: four-character words are two words
                    words.extend(pairs(part))
                else:
                    words.append("".join(part))
            else:
                singles.extend(part)
        if singles:
            words.extend(pairs(singles))
        return " " + " ".join(words) + " "

    out = _HAN_RUN.sub(one_run, text)
    for a, b in _PUNCT.items():
        out = out.replace(a, b)
    out = re.sub(r"\s+([,.:;?!)])", r"\1", out)
    out = re.sub(r"\(\s+", "(", out)
    out = re.sub(r"([“‘])\s+", r"\1", out)
    out = re.sub(r"\s+([”’])", r"\1", out)
    return re.sub(r"\s+", " ", out).strip()


_KANA = {}


def _build_kana() -> dict[str, str]:
    base = (
        "あa いi うu えe おo かka きki くku けke こko さsa しshi すsu せse そso たta ちchi つtsu てte とto "
        "なna にni ぬnu ねne のno はha ひhi ふfu へhe ほho まma みmi むmu めme もmo やya ゆyu よyo "
        "らra りri るru れre ろro わwa をo んn がga ぎgi ぐgu げge ごgo ざza じji ずzu ぜze ぞzo "
        "だda ぢji づzu でde どdo ばba びbi ぶbu べbe ぼbo ぱpa ぴpi ぷpu ぺpe ぽpo ぁa ぃi ぅu ぇe ぉo ゔvu"
    )
    table = {}
    for item in base.split():
        table[item[0]] = item[1:]
    for k, v in list(table.items()):
        table[chr(ord(k) + 0x60)] = v  # katakana
    table["ー"] = "-"
    return table


def hepburn(text: str) -> str:
    """Hepburn romanization of kana (kanji are left as they are: they need a reading)."""
    global _KANA
    if not _KANA:
        _KANA = _build_kana()
    out: list[str] = []
    i = 0
    small = {"ゃ": "ya", "ゅ": "yu", "ょ": "yo", "ャ": "ya", "ュ": "yu", "ョ": "yo"}
    while i < len(text):
        ch = text[i]
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if ch in "っッ" and nxt in _KANA:
            roman = _KANA[nxt]
            out.append(("t" if roman.startswith("ch") else roman[:1]))
            i += 1
            continue
        if ch in _KANA:
            roman = _KANA[ch]
            if nxt in small:
                if roman in ("shi", "chi", "ji"):
                    roman = roman[:-1] + small[nxt][1:]
                else:
                    roman = roman[:-1] + small[nxt]
                i += 1
            if roman == "-" and out:
                out.append(out[-1][-1:] if out[-1][-1:] in "aeiou" else "")
            else:
                out.append(roman)
            i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


_RU = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch ʺ y ʹ e yu ya".split(),
    )
)


def russian(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        if low in _RU:
            r = _RU[low]
            out.append(r.capitalize() if ch != low else r)
        else:
            out.append(ch)
    return "".join(out)


_NON_LATIN = re.compile(
    r"[\u0400-\u04ff\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf"
    r"\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9d\U00020000-\U0002ffff]"
)


def needs_romanization(text: str) -> bool:
    return _NON_LATIN.search(text) is not None


# Established romanized (or English) names of outlets and periodicals that a syllable-by-syllable
# romanization gets wrong; suggestions only, like everything here.
KNOWN_NAMES = {
    "朝日新闻": "Asahi Shimbun",
    "朝日新聞": "Asahi Shimbun",
    "读卖新闻": "Yomiuri Shimbun",
    "読売新聞": "Yomiuri Shimbun",
    "每日新闻": "Mainichi Shimbun",
    "毎日新聞": "Mainichi Shimbun",
    "日本经济新闻": "Nihon Keizai Shimbun",
    "日本経済新聞": "Nihon Keizai Shimbun",
    "产经新闻": "Sankei Shimbun",
    "産経新聞": "Sankei Shimbun",
    "共同社": "Kyodo News",
    "共同通信": "Kyodo News",
    "韩联社": "Yonhap News Agency",
    "연합뉴스": "Yonhap News Agency",
    "人民日报": "Renmin Ribao",
    "光明日报": "Guangming Ribao",
    "解放军报": "Jiefangjun Bao",
    "环球时报": "Huanqiu Shibao",
    "环球网": "Huanqiu Wang",
    "新华社": "Xinhua News Agency",
    "新华网": "Xinhua Wang",
    "中国新闻网": "Zhongguo Xinwen Wang",
    "中新网": "Zhongguo Xinwen Wang",
    "世界知识": "Shijie Zhishi",
    "现代国际关系": "Xiandai Guoji Guanxi",
    "国际问题研究": "Guoji Wenti Yanjiu",
    "美国研究": "Meiguo Yanjiu",
    "日本学刊": "Riben Xuekan",
    "当代亚太": "Dangdai Yatai",
    "当代世界": "Dangdai Shijie",
    "国际观察": "Guoji Guancha",
    "台湾研究": "Taiwan Yanjiu",
    "外交评论": "Waijiao Pinglun",
    "世界经济与政治": "Shijie Jingji yu Zhengzhi",
    "国际政治科学": "Guoji Zhengzhi Kexue",
}


@lru_cache(maxsize=4096)
def suggest(text: str, lang: str | None = None) -> tuple[str, bool]:
    """(romanized text, complete?) — ``complete`` is False when characters were left as they were
    (Japanese kanji, which need a dictionary reading)."""
    if not text or not needs_romanization(text):
        return text, True
    if text.strip() in KNOWN_NAMES:
        return KNOWN_NAMES[text.strip()], True
    lang = (lang or "").lower()
    has_kana = any(char_script(c) == "kana" for c in text)
    if has_kana or lang in ("japanese", "ja"):
        out = hepburn(text)
        if any(char_script(c) == "han" for c in out):
            return text, False  # kanji need a reading: leave the original for a person to romanize
        return out, True
    if any(char_script(c) == "hangul" for c in text):
        words = re.split(r"(\s+)", text)
        return "".join(romanize_hangul(w) if w.strip() else w for w in words), True
    if any(char_script(c) == "cyrillic" for c in text):
        return russian(text), True
    return pinyin_words(text), True
