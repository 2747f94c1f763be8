import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The absolute address of a link the server gives relative to itself (a join link). */
export function absoluteUrl(path: string): string {
  return new URL(path, window.location.origin).toString();
}

/** A QR code of `text`, drawn as SVG in the browser (nothing leaves the page). */
export function QrCode({ text, label, size = 220 }: { text: string; label: string; size?: number }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then((value) => {
      if (live) setSvg(value);
    });
    return () => {
      live = false;
    };
  }, [text]);
  if (!svg) return null;
  return (
    <img
      className="qr-code"
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      alt={label}
      width={size}
      height={size}
    />
  );
}
