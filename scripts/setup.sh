#!/usr/bin/env bash
# TriVision one-command setup: Debian packages, the pinned ONNX Runtime shared library and C
# headers (from npm), optional GPU providers (--gpu), and a Release build of the solution.
# Idempotent and fast when nothing changed: every step checks first and prints one line,
# "ok" (already there), "installed" (done now) or "skipped" (not asked for / nothing to do).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Same variable the runtime resolver (NativeLibraryResolver) reads.
NATIVE="${TRIVISION_NATIVE_DIR:-$ROOT/.native}"
CACHE="$NATIVE/cache"

ORT_VERSION="1.29.0"
ORT_NODE_PKG="onnxruntime-node@${ORT_VERSION}"
ORT_HEADERS_PKG="com.github.asus4.onnxruntime@0.4.9"        # ships ORT 1.29.0 headers and the Linux x64 core used with the GPU providers
ORT_GPU_PKG="com.github.asus4.onnxruntime.linux-x64-gpu@0.4.9"  # ORT 1.29.0 CUDA / TensorRT providers for Linux x64
# sha256 of the files we install, checked after every extraction and on every run.
SHA_ORT_X64="89688f5cf51c7e31befbb7b9101bc027799009b18d1baa9a5b1146a72e69538d"
SHA_ORT_ARM64="a27d21126db312aa8f02f3d5eaebe466e991f51f469882e6d0407d5a8b64afda"
SHA_ORT_GPU_CORE="5715f06d8992ca8eeeddcce43df3a7d38f97d537052126f558e912cb312460ca"
SHA_ORT_GPU_SHARED="c6a12593396095f5670160e284c35d1700b7708cf3037b7042e2a5200ccae772"
SHA_ORT_GPU_CUDA="56cf3254b118ad837ccc4ed8f6d1b23504bbf7ef91b34cbc0b289cb7f10b3037"
SHA_ORT_GPU_TRT="ef6071798a339038ad66c428fb1a809cf8e499bffc3b6870e4e8bc4f4c6a6320"
ORT_API_VERSION_EXPECTED=29

APT_PACKAGES=(ffmpeg mosquitto mosquitto-clients libmosquitto1 libaravis-0.8-0 aravis-tools
  libturbojpeg0 python3-torch python3-onnx python3-opencv python3-numpy chromium sqlite3 openssl)

GPU=0
BUILD=1
APT=1
usage() {
  cat <<'USAGE'
Usage: scripts/setup.sh [--gpu] [--no-build] [--skip-apt]
  --gpu       also fetch the ONNX Runtime CUDA and TensorRT providers (Linux x64) into .native/onnxruntime-gpu/
  --no-build  skip `dotnet build`
  --skip-apt  do not check or install Debian packages (non-Debian systems, e.g. Jetson's Ubuntu: install the equivalents by hand)
Environment: TRIVISION_NATIVE_DIR overrides where native libraries go (default: <repo>/.native).
USAGE
}
for arg in "$@"; do
  case "$arg" in
    --gpu) GPU=1 ;;
    --no-build) BUILD=0 ;;
    --skip-apt) APT=0 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "setup: unknown option '$arg'" >&2; usage >&2; exit 2 ;;
  esac
done

step() { printf 'setup: %-28s %s\n' "$1" "$2"; }
die() { echo "setup: ERROR: $*" >&2; exit 1; }
need_cmd() { command -v "$1" >/dev/null 2>&1 || die "'$1' not found: $2"; }
sha_ok() { [[ -f "$1" ]] && [[ "$(sha256sum "$1" | cut -d' ' -f1)" == "$2" ]]; }

need_cmd tar "install it with: apt-get install tar"
need_cmd sha256sum "install it with: apt-get install coreutils"

ORT_DIR="$NATIVE/onnxruntime"
INCLUDE="$NATIVE/include"
GPU_DIR="$NATIVE/onnxruntime-gpu/linux-x64"
ort_cpu_ok() { sha_ok "$ORT_DIR/linux-x64/libonnxruntime.so.1" "$SHA_ORT_X64" && sha_ok "$ORT_DIR/linux-arm64/libonnxruntime.so.1" "$SHA_ORT_ARM64"; }
header_ok() { [[ -f "$INCLUDE/onnxruntime_c_api.h" ]] && grep -q "^#define ORT_API_VERSION ${ORT_API_VERSION_EXPECTED}\$" "$INCLUDE/onnxruntime_c_api.h"; }
ort_gpu_ok() {
  sha_ok "$GPU_DIR/libonnxruntime.so.1" "$SHA_ORT_GPU_CORE" && sha_ok "$GPU_DIR/libonnxruntime_providers_shared.so" "$SHA_ORT_GPU_SHARED" \
    && sha_ok "$GPU_DIR/libonnxruntime_providers_cuda.so" "$SHA_ORT_GPU_CUDA" && sha_ok "$GPU_DIR/libonnxruntime_providers_tensorrt.so" "$SHA_ORT_GPU_TRT"
}

# ---- 1. Debian packages -------------------------------------------------------------------
missing=()
((APT == 1)) || APT_PACKAGES=()
for pkg in "${APT_PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
# npm is only needed to fetch ONNX Runtime; add Debian's when it is missing and something must be fetched.
if ((APT == 1)) && ! command -v npm >/dev/null 2>&1; then
  if ! ort_cpu_ok || ! header_ok || { ((GPU == 1)) && ! ort_gpu_ok; }; then missing+=(npm); fi
fi
if ((APT == 0)); then
  step "apt packages" "skipped (--skip-apt)"
elif ((${#missing[@]} == 0)); then
  step "apt packages" "ok (${#APT_PACKAGES[@]} present)"
else
  SUDO=""
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "missing Debian packages (${missing[*]}) and not root; run as root or install: apt-get install ${missing[*]}"
    SUDO="sudo"
  fi
  need_cmd apt-get "this script expects Debian 12 (apt-get); install these packages by hand: ${missing[*]}"
  echo "setup: installing ${missing[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null \
    || die "apt-get update failed (is a Debian mirror reachable?)"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install failed for: ${missing[*]}"
  # The package may start a system mosquitto on :1883; nothing in TriVision uses it (tests start
  # their own brokers on free loopback ports), so it is left as the distribution set it up.
  step "apt packages" "installed (${missing[*]})"
fi

# ---- helpers for npm tarballs ---------------------------------------------------------------
# fetch_pkg SPEC -> prints the path of the tarball in $CACHE (downloaded once, reused after).
fetch_pkg() {
  local spec="$1" name version file
  name="${spec%@*}"; version="${spec##*@}"
  file="$CACHE/${name//\//-}-${version}.tgz"
  file="${file/@/}"
  if [[ ! -s "$file" ]]; then
    need_cmd npm "install Node.js and npm (apt-get install npm) to fetch ONNX Runtime"
    mkdir -p "$CACHE"
    (cd "$CACHE" && npm pack "$spec" --silent >/dev/null) \
      || die "npm pack $spec failed (is the npm registry reachable?)"
    [[ -s "$file" ]] || die "npm pack $spec did not produce $file"
  fi
  echo "$file"
}

# extract_one TARBALL MEMBER DEST SHA: extracts one file, checks its sha256, installs it atomically.
extract_one() {
  local tgz="$1" member="$2" dest="$3" sha="$4" tmp
  tmp="$(mktemp -d)"
  # A failed extraction or a wrong checksum drops the cached tarball so the next run fetches it again.
  tar -xzf "$tgz" -C "$tmp" "$member" || { rm -rf "$tmp" "$tgz"; die "$member not found in $(basename "$tgz") (cached tarball removed; run setup again)"; }
  local got
  got="$(sha256sum "$tmp/$member" | cut -d' ' -f1)"
  if [[ "$got" != "$sha" ]]; then
    rm -rf "$tmp" "$tgz"
    die "checksum mismatch for $member from $(basename "$tgz"): expected $sha, got $got (cached tarball removed; if a re-run fails the same way, the package changed upstream)"
  fi
  mkdir -p "$(dirname "$dest")"
  mv -f "$tmp/$member" "$dest.tmp" && mv -f "$dest.tmp" "$dest"
  rm -rf "$tmp"
}

# ---- 2. ONNX Runtime CPU library (x64 and arm64) --------------------------------------------
if ort_cpu_ok; then
  step "onnxruntime $ORT_VERSION" "ok ($ORT_DIR)"
else
  tgz="$(fetch_pkg "$ORT_NODE_PKG")"
  extract_one "$tgz" package/bin/napi-v6/linux/x64/libonnxruntime.so.1 "$ORT_DIR/linux-x64/libonnxruntime.so.1" "$SHA_ORT_X64"
  extract_one "$tgz" package/bin/napi-v6/linux/arm64/libonnxruntime.so.1 "$ORT_DIR/linux-arm64/libonnxruntime.so.1" "$SHA_ORT_ARM64"
  step "onnxruntime $ORT_VERSION" "installed ($ORT_DIR/linux-{x64,arm64})"
fi

# ---- 3. ONNX Runtime C headers (the specification of the binding) ---------------------------
if header_ok; then
  step "onnxruntime headers" "ok (ORT_API_VERSION $ORT_API_VERSION_EXPECTED)"
else
  tgz="$(fetch_pkg "$ORT_HEADERS_PKG")"
  hdr="package/Plugins/iOS~/onnxruntime.xcframework/ios-arm64_x86_64-simulator/onnxruntime.framework/Headers"
  tmp="$(mktemp -d)"
  tar -xzf "$tgz" -C "$tmp" "$hdr" || { rm -rf "$tmp" "$tgz"; die "headers not found in $(basename "$tgz") (cached tarball removed; run setup again)"; }
  mkdir -p "$INCLUDE"
  cp -f "$tmp/$hdr"/*.h "$INCLUDE/"
  rm -rf "$tmp"
  header_ok || die "$INCLUDE/onnxruntime_c_api.h does not define ORT_API_VERSION $ORT_API_VERSION_EXPECTED"
  step "onnxruntime headers" "installed (ORT_API_VERSION $ORT_API_VERSION_EXPECTED)"
fi

# ---- 4. GPU providers (optional) -------------------------------------------------------------
if ((GPU == 0)); then
  step "onnxruntime GPU providers" "skipped (pass --gpu)"
else
  [[ "$(uname -m)" == x86_64 ]] || die "--gpu is for Linux x64; on Jetson use JetPack's ONNX Runtime (see hardware/jetson-orin.md)"
  if ort_gpu_ok; then
    step "onnxruntime GPU providers" "ok ($GPU_DIR)"
  else
    # The GPU package holds only the providers; the matching 1.29.0 core is in the base package.
    core_tgz="$(fetch_pkg "$ORT_HEADERS_PKG")"
    gpu_tgz="$(fetch_pkg "$ORT_GPU_PKG")"
    extract_one "$core_tgz" package/Plugins/Linux/x64/libonnxruntime.so "$GPU_DIR/libonnxruntime.so.1" "$SHA_ORT_GPU_CORE"
    extract_one "$gpu_tgz" package/Plugins/Linux/x64/libonnxruntime_providers_shared.so "$GPU_DIR/libonnxruntime_providers_shared.so" "$SHA_ORT_GPU_SHARED"
    extract_one "$gpu_tgz" package/Plugins/Linux/x64/libonnxruntime_providers_cuda.so "$GPU_DIR/libonnxruntime_providers_cuda.so" "$SHA_ORT_GPU_CUDA"
    extract_one "$gpu_tgz" package/Plugins/Linux/x64/libonnxruntime_providers_tensorrt.so "$GPU_DIR/libonnxruntime_providers_tensorrt.so" "$SHA_ORT_GPU_TRT"
    ln -sfn libonnxruntime.so.1 "$GPU_DIR/libonnxruntime.so"
    step "onnxruntime GPU providers" "installed ($GPU_DIR)"
  fi
  # What the providers link against (readelf -d of the 1.29.0 builds); the plant installs these.
  echo "setup: GPU providers need: NVIDIA driver (libcuda.so.1), CUDA 13.x runtime (libcudart.so.13, libcublas.so.13, libcublasLt.so.13, libcurand.so.10),"
  echo "setup:   cuDNN 9.x (libcudnn.so.9) and, for the TensorRT provider, TensorRT 10.x (libnvinfer.so.10, libnvonnxparser.so.10)."
  absent=()
  for lib in libcuda.so.1 libcudart.so.13 libcublas.so.13 libcublasLt.so.13 libcurand.so.10 libcudnn.so.9 libnvinfer.so.10 libnvonnxparser.so.10; do
    ldconfig -p 2>/dev/null | grep -q "$lib" || absent+=("$lib")
  done
  if ((${#absent[@]} > 0)); then
    echo "setup: WARNING: not found on this machine: ${absent[*]} (the cuda/tensorrt providers will not load; TriVision falls back to CPU or, with --strict, refuses)"
  else
    step "GPU runtime libraries" "ok"
  fi
fi

# ---- 5. Build ------------------------------------------------------------------------------
STAMP="$ROOT/artifacts/.setup-build-stamp"
if ((BUILD == 0)); then
  step "dotnet build" "skipped (--no-build)"
else
  need_cmd dotnet "install the .NET 10 SDK (https://learn.microsoft.com/dotnet/core/install/linux-debian)"
  dotnet --list-sdks 2>/dev/null | grep -q '^10\.' || die "the .NET 10 SDK is required; found: $(dotnet --list-sdks 2>/dev/null | tr '\n' ' ')"
  built="$ROOT/src/TriVision.Service/bin/Release/net10.0/trivision.dll"
  changed=""
  if [[ -f "$STAMP" && -f "$built" ]]; then
    # Any source, project or folder (added/removed files change the folder's mtime) newer than the last build.
    changed="$(cd "$ROOT" && find TriVision.sln Directory.Build.props Directory.Packages.props global.json src tests benchmarks \
      \( -name bin -o -name obj \) -prune -o -newer "$STAMP" -print -quit 2>/dev/null)"
  fi
  if [[ -f "$STAMP" && -f "$built" && -z "$changed" ]]; then
    step "dotnet build" "ok (nothing changed since the last build)"
  else
    log="$(mktemp)"
    if ! (cd "$ROOT" && dotnet build TriVision.sln -c Release -nologo -v q >"$log" 2>&1); then
      grep -E 'error|Error' "$log" | sort -u | head -20 >&2 || true
      rm -f "$log"
      die "dotnet build TriVision.sln -c Release failed (errors above)"
    fi
    rm -f "$log"
    mkdir -p "$(dirname "$STAMP")" && touch "$STAMP"
    step "dotnet build" "installed (Release build of TriVision.sln)"
  fi
fi
echo "setup: done. Run the CLI with scripts/trivision --help"
