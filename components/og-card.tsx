/** The 1200×630 share image; Satori renders it, so only inline styles and flexbox. */
export function OgCard({ eyebrow, title, brand }: { eyebrow: string; title: string; brand: string }) {
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "72px 80px",
        background: "#134e4a",
        color: "#faf7f2",
      }}
    >
      <div
        style={{
          display: "flex",
          fontSize: 28,
          letterSpacing: 4,
          textTransform: "uppercase",
          color: "#f0b27a",
        }}
      >
        {eyebrow}
      </div>
      <div
        style={{
          display: "flex",
          fontSize: title.length > 48 ? 64 : 80,
          fontWeight: 700,
          lineHeight: 1.1,
        }}
      >
        {title}
      </div>
      <div
        style={{
          display: "flex",
          alignItems: "center",
          fontSize: 30,
          color: "#d5e7e2",
        }}
      >
        <div
          style={{
            width: 48,
            height: 4,
            background: "#f0b27a",
            marginRight: 20,
          }}
        />
        {brand}
      </div>
    </div>
  );
}
