#!/usr/bin/env python3
"""Generate the tiny offline embedding model used by the tests.

Writes fixtures/tiny-model/isnad/tiny-arabic-bow/ with
  config.json, tokenizer.json, tokenizer_config.json,
  onnx/model.onnx            (fp32 embedding table)
  onnx/model_quantized.onnx  (int8 table + DequantizeLinear, what dtype q8 loads)

The "model" is a BERT-shaped ONNX graph (inputs input_ids / attention_mask /
token_type_ids, output last_hidden_state) that is nothing but an embedding
lookup: every token owns a fixed pseudo-random vector seeded by its text, so
mean pooling gives a bag-of-words embedding. Passages that share words with a
query are close in cosine, which is all the tests need, with no weights to
download. Word vectors are weighted by a sentence-level IDF over the seed
articles so very common function words count for less; sub-word pieces and
single characters (fallback for unknown words) get a small weight; special
tokens get zero vectors.

Run with the system Python (needs python3-onnx and python3-numpy):
  apt-get install -y python3-onnx python3-numpy
  /usr/bin/python3 scripts/make-tiny-model.py
The output is deterministic; the generated files are committed so CI needs no Python.
"""

import glob
import hashlib
import json
import math
import os
import re
import unicodedata

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

MODEL_ID = "isnad/tiny-arabic-bow"
DIM = 64
MAX_LENGTH = 512
PIECE_WEIGHT = 0.2
OPSET = 17
IR_VERSION = 8

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
OUT = os.path.join(ROOT, "fixtures", "tiny-model", *MODEL_ID.split("/"))

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]

# String replacements applied before BertNormalizer, mirroring src/ingest/normalize.ts where
# tokenizers' JSON can express it. (آ أ إ ؤ ئ lose their hamza/madda via strip_accents' NFD.)
REPLACEMENTS = [
    ("\u0671", "\u0627"),  # ٱ → ا
    ("\u0629", "\u0647"),  # ة → ه
    ("\u0649", "\u064A"),  # ى → ي
    ("\u06CC", "\u064A"),  # ی → ي
    ("\u06A9", "\u0643"),  # ک → ك
    ("\u0640", ""),  # tatweel
    ("_", " "),  # hashtags / snake_case read as separate words
    ("#", " "),
] + [(chr(0x0660 + d), str(d)) for d in range(10)] + [(chr(0x06F0 + d), str(d)) for d in range(10)]


def normalize(text: str) -> str:
    """Python twin of the tokenizer.json normalizer (Replace… then BertNormalizer)."""
    for src, dst in REPLACEMENTS:
        text = text.replace(src, dst)
    # BertNormalizer.clean_text
    out = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD:
            continue
        if ch not in "\t\n\r" and unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs"):
            continue
        out.append(" " if ch.isspace() else ch)
    text = "".join(out).lower()
    # strip_accents: NFD then drop non-spacing marks (harakat, shadda, hamza/madda above/below…)
    text = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def is_punct(ch: str) -> bool:
    cp = ord(ch)
    return (
        unicodedata.category(ch).startswith("P")
        or 0x21 <= cp <= 0x2F
        or 0x3A <= cp <= 0x40
        or 0x5B <= cp <= 0x60
        or 0x7B <= cp <= 0x7E
    )


def pre_tokenize(text: str) -> list:
    """Python twin of BertPreTokenizer: split on whitespace, every punctuation char is its own token."""
    words, cur = [], []
    for ch in text:
        if ch.isspace() or is_punct(ch):
            if cur:
                words.append("".join(cur))
                cur = []
            if is_punct(ch):
                words.append(ch)
        else:
            cur.append(ch)
    if cur:
        words.append("".join(cur))
    return words


def token_vector(token: str, weight: float) -> np.ndarray:
    seed = int.from_bytes(hashlib.sha256(token.encode("utf-8")).digest()[:8], "little")
    v = np.random.default_rng(seed).standard_normal(DIM)
    return (v / np.linalg.norm(v) * weight).astype(np.float32)


def build_vocab():
    sentences = []
    for path in SEEDS:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        sentences += [s for s in re.split(r"[.!?؟\n]+", normalize(text)) if s.strip()]
    df = {}
    for s in sentences:
        for w in set(pre_tokenize(s)):
            if not is_punct(w[0]):
                df[w] = df.get(w, 0) + 1
    n = len(sentences)
    # Sentence-level IDF, scaled so the rarest words weigh 1.0.
    max_idf = math.log(1 + n)
    word_weight = {w: math.log(1 + n / c) / max_idf for w, c in df.items()}

    pieces = set()
    letters = [chr(c) for c in range(0x0621, 0x064B)]
    ascii_chars = [chr(c) for c in range(ord("a"), ord("z") + 1)] + [str(d) for d in range(10)]
    for ch in letters + ascii_chars:
        pieces.add(ch)
        pieces.add("##" + ch)
    # Common Arabic clitics and suffixes, so unknown words split into something meaningful.
    for prefix in ["ال", "وال", "بال", "لل", "فال", "كال"]:
        pieces.add(prefix)
    for suffix in ["ها", "هم", "هما", "ات", "ون", "ين", "يه", "ه", "ي", "ان", "نا", "كم"]:
        pieces.add("##" + suffix)
    punct = sorted({ch for s in sentences for ch in s if is_punct(ch)} | set(".,:;!?()\"'-،؛؟«»"))

    vocab = list(SPECIALS)
    seen = set(vocab)
    for tok in punct + sorted(pieces) + sorted(word_weight):
        if tok not in seen:
            seen.add(tok)
            vocab.append(tok)

    table = np.zeros((len(vocab), DIM), dtype=np.float32)
    for i, tok in enumerate(vocab):
        if tok in SPECIALS or is_punct(tok[0]):
            continue  # zero vector: specials and punctuation carry no meaning here
        weight = word_weight.get(tok, PIECE_WEIGHT)
        table[i] = token_vector(tok, weight)
    return vocab, table


def graph(table: np.ndarray, quantized: bool) -> onnx.ModelProto:
    vocab_size = table.shape[0]
    ints = lambda name: helper.make_tensor_value_info(name, TensorProto.INT64, ["batch_size", "sequence_length"])
    inputs = [ints("input_ids"), ints("attention_mask"), ints("token_type_ids")]
    output = helper.make_tensor_value_info(
        "last_hidden_state", TensorProto.FLOAT, ["batch_size", "sequence_length", DIM]
    )
    inits = [
        numpy_helper.from_array(np.zeros((2, DIM), dtype=np.float32), "token_type_embeddings"),
        numpy_helper.from_array(np.array([-1], dtype=np.int64), "last_axis"),
    ]
    nodes = []
    if quantized:
        scale = float(np.abs(table).max()) / 127.0
        q = np.clip(np.round(table / scale), -127, 127).astype(np.int8)
        inits += [
            numpy_helper.from_array(q, "word_embeddings_quantized"),
            numpy_helper.from_array(np.array(scale, dtype=np.float32), "word_embeddings_scale"),
            numpy_helper.from_array(np.array(0, dtype=np.int8), "word_embeddings_zero_point"),
        ]
        nodes += [
            helper.make_node("Gather", ["word_embeddings_quantized", "input_ids"], ["words_q"], axis=0),
            helper.make_node(
                "DequantizeLinear", ["words_q", "word_embeddings_scale", "word_embeddings_zero_point"], ["words"]
            ),
        ]
    else:
        inits.append(numpy_helper.from_array(table, "word_embeddings"))
        nodes.append(helper.make_node("Gather", ["word_embeddings", "input_ids"], ["words"], axis=0))
    nodes += [
        helper.make_node("Gather", ["token_type_embeddings", "token_type_ids"], ["types"], axis=0),
        helper.make_node("Add", ["words", "types"], ["embeddings"]),
        helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_f", "last_axis"], ["mask_3d"]),
        helper.make_node("Mul", ["embeddings", "mask_3d"], ["last_hidden_state"]),
    ]
    g = helper.make_graph(nodes, "tiny_arabic_bow", inputs, [output], inits)
    model = helper.make_model(
        g, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="isnad/scripts/make-tiny-model.py"
    )
    model.ir_version = IR_VERSION
    model.doc_string = f"Bag-of-words embedding lookup, {vocab_size} tokens x {DIM} dims; test fixture only."
    onnx.checker.check_model(model)
    return model


def tokenizer_json(vocab):
    special = [
        {"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}
        for i, t in enumerate(SPECIALS)
    ]
    replace = [
        {"type": "Replace", "pattern": {"String": src}, "content": dst} for src, dst in REPLACEMENTS
    ]
    ids = {t: i for i, t in enumerate(vocab)}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": special,
        "normalizer": {
            "type": "Sequence",
            "normalizers": replace
            + [
                {
                    "type": "BertNormalizer",
                    "clean_text": True,
                    "handle_chinese_chars": True,
                    "strip_accents": True,
                    "lowercase": True,
                }
            ],
        },
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [
                {"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
            ],
            "pair": [
                {"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                {"Sequence": {"id": "B", "type_id": 1}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 1}},
            ],
            "special_tokens": {
                t: {"id": t, "ids": [ids[t]], "tokens": [t]} for t in ["[CLS]", "[SEP]"]
            },
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {
            "type": "WordPiece",
            "unk_token": "[UNK]",
            "continuing_subword_prefix": "##",
            "max_input_chars_per_word": 100,
            "vocab": ids,
        },
    }


def write_json(path, obj, indent=2):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=indent)
        f.write("\n")


def main():
    vocab, table = build_vocab()
    os.makedirs(os.path.join(OUT, "onnx"), exist_ok=True)
    write_json(
        os.path.join(OUT, "config.json"),
        {
            "_name_or_path": MODEL_ID,
            "architectures": ["BertModel"],
            "model_type": "bert",
            "hidden_size": DIM,
            "num_hidden_layers": 1,
            "num_attention_heads": 1,
            "intermediate_size": DIM,
            "max_position_embeddings": MAX_LENGTH,
            "type_vocab_size": 2,
            "vocab_size": len(vocab),
            "pad_token_id": 0,
        },
    )
    write_json(
        os.path.join(OUT, "tokenizer_config.json"),
        {
            "tokenizer_class": "BertTokenizer",
            "do_lower_case": True,
            "strip_accents": True,
            "tokenize_chinese_chars": True,
            "model_max_length": MAX_LENGTH,
            "cls_token": "[CLS]",
            "sep_token": "[SEP]",
            "pad_token": "[PAD]",
            "unk_token": "[UNK]",
            "mask_token": "[MASK]",
            "clean_up_tokenization_spaces": True,
        },
    )
    # Compact: the vocab is the bulk of the file and nobody reads it by hand.
    write_json(os.path.join(OUT, "tokenizer.json"), tokenizer_json(vocab), indent=None)
    onnx.save(graph(table, quantized=False), os.path.join(OUT, "onnx", "model.onnx"))
    onnx.save(graph(table, quantized=True), os.path.join(OUT, "onnx", "model_quantized.onnx"))
    total = sum(os.path.getsize(p) for p in glob.glob(os.path.join(OUT, "**", "*"), recursive=True) if os.path.isfile(p))
    print(f"wrote {OUT}: vocab {len(vocab)}, dim {DIM}, {total} bytes")


if __name__ == "__main__":
    main()
