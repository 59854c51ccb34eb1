/**
 * The door's camera scanner: the last part of checkin.js, run inside its closure (it uses
 * `say`, `byCode` and `words` from there), so a scanned code takes the very path a typed
 * one does. Kept in a file of its own to keep both readable.
 *
 * The button shows wherever the page may use a camera (getUserMedia exists only on HTTPS
 * or localhost). The browser's own QR reader (BarcodeDetector) is used where it reads QR
 * codes; elsewhere (iOS Safari, Firefox, chromium on Linux) jsQR, a script of its own
 * (/assets/jsqr.<hash>.js, about 130 KB) fetched the first time the camera starts, so the
 * door page stays light for those who never scan. Either reader feeds the same loop.
 */
// A frame is read at most this often: enough to catch a code held up for a moment, while
// a phone still has time left for the page between reads.
const LOOK_EVERY_MS = 150;
// Frames are scaled down to this width for jsQR: a code held up to the camera fills much
// of the picture, and a smaller frame keeps each read short on a phone.
const FRAME_WIDTH = 640;

export const scannerScript = `
  const scan = document.getElementById("scan");
  const scanner = document.getElementById("scanner");
  const video = document.getElementById("scan-video");
  const stop = document.getElementById("scan-stop");
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || typeof scanner.showModal !== "function") return;
  scan.hidden = false;

  // A reader turns the video's current frame into the text of a QR code in it, or "".
  const nativeReader = async () => {
    if (!("BarcodeDetector" in window)) return null;
    const formats = await window.BarcodeDetector.getSupportedFormats().catch(() => []);
    if (!formats.includes("qr_code")) return null;
    const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    return async () => {
      const [found] = await detector.detect(video);
      return (found && found.rawValue) || "";
    };
  };
  // A classic script from our own origin, which the pages' CSP (script-src 'self') allows.
  const loadJsqr = () => new Promise((resolve, reject) => {
    if (window.jsQR) { resolve(window.jsQR); return; }
    const script = document.createElement("script");
    script.src = scanner.getAttribute("data-reader");
    script.onload = () => (window.jsQR ? resolve(window.jsQR) : reject(new Error("no jsQR")));
    script.onerror = () => { script.remove(); reject(new Error("jsQR did not load")); };
    document.head.appendChild(script);
  });
  const jsqrReader = async () => {
    const jsQR = await loadJsqr();
    const canvas = document.createElement("canvas");
    const g = canvas.getContext("2d", { willReadFrequently: true });
    return async () => {
      if (!video.videoWidth || !video.videoHeight) return "";
      const scale = Math.min(1, ${FRAME_WIDTH} / video.videoWidth);
      const width = Math.round(video.videoWidth * scale);
      const height = Math.round(video.videoHeight * scale);
      // Setting a canvas's size clears it and its buffers: only when the video's changes.
      if (canvas.width !== width || canvas.height !== height) { canvas.width = width; canvas.height = height; }
      g.drawImage(video, 0, 0, width, height);
      const image = g.getImageData(0, 0, width, height);
      // Both ways round: a mail app in dark mode may show the code light on dark.
      const found = jsQR(image.data, width, height, { inversionAttempts: "attemptBoth" });
      return (found && found.data) || "";
    };
  };
  // Picked once; a failed load (offline for a moment) is tried again on the next tap.
  let picking = null;
  const pickReader = () => picking || (picking = nativeReader().then((r) => r || jsqrReader()).catch((err) => { picking = null; throw err; }));

  const cameraProblem = (err) => {
    const name = (err && err.name) || "";
    if (name === "NotAllowedError" || name === "SecurityError") return words.notice.cameraDenied;
    if (name === "NotFoundError" || name === "OverconstrainedError") return words.notice.noCamera;
    return words.notice.camera;
  };
  const release = (media) => { for (const track of media.getTracks()) track.stop(); };

  let stream = null;
  let read = null;
  let frame = 0;
  let lastLook = 0;
  let busy = false;
  // Counts starts and stops: a stop (or the page hidden) while the camera is still
  // opening wins over that start.
  let turn = 0;
  let starting = false;
  // The camera goes off whenever scanning ends: a code found, the dialog closed (its
  // button or Escape), or the page hidden or left.
  const halt = () => {
    turn++;
    if (frame) window.cancelAnimationFrame(frame);
    frame = 0;
    if (stream) release(stream);
    stream = null;
    video.srcObject = null;
    if (scanner.open) scanner.close();
  };
  scanner.addEventListener("close", () => { halt(); scan.focus(); });
  stop.addEventListener("click", halt);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") halt(); });
  window.addEventListener("pagehide", halt);

  // Paced by animation frames, so nothing is read while the page is not being drawn.
  const look = (now) => {
    frame = 0;
    if (!stream) return;
    if (!busy && now - lastLook >= ${LOOK_EVERY_MS} && video.readyState >= 2) {
      lastLook = now;
      busy = true;
      const mine = turn;
      read().then(async (value) => {
        busy = false;
        if (!value || mine !== turn) return;
        halt();
        await byCode(value);
      }, () => { busy = false; });
    }
    frame = window.requestAnimationFrame(look);
  };

  scan.addEventListener("click", async () => {
    if (starting || stream) return;
    starting = true;
    const mine = ++turn;
    // The camera is asked for at once, within the tap (Safari wants a gesture), while the
    // reader loads beside it.
    const camera = navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    const reader = pickReader();
    reader.catch(() => {});
    try {
      const media = await camera.catch((err) => { say(cameraProblem(err), false); return null; });
      if (!media) return;
      const chosen = await reader.catch(() => { say(words.notice.offline, false); return null; });
      if (!chosen || mine !== turn) { release(media); return; }
      stream = media;
      read = chosen;
      video.muted = true;
      video.playsInline = true;
      video.srcObject = stream;
      scanner.showModal();
      await video.play().catch(() => {});
      lastLook = 0;
      if (stream) frame = window.requestAnimationFrame(look);
    } finally {
      starting = false;
    }
  });`;
