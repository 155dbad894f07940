/* The style sheet of the charts and the report: readable on a phone (the SVG scales with
 * its viewBox to the screen width; its text is enlarged on narrow screens so it stays
 * legible after scaling), printable, no web fonts. */
#include "svg_internal.h"

const char *mp_chart_css(void)
{
	return ":root{--fg:#1a1a1a;--muted:#555;--rule:#d9d9d9;--bg:#fff}\n"
	       "*{box-sizing:border-box}\n"
	       "body{margin:0 auto;max-width:60rem;padding:0 1rem 3rem;font:16px/1.45 system-ui,-apple-system,"
	       "'Segoe UI',Roboto,'Noto Sans',sans-serif;color:var(--fg);background:var(--bg)}\n"
	       "h1{font-size:1.6rem;margin:1.2rem 0 .3rem}h2{font-size:1.3rem;margin:2rem 0 .5rem;"
	       "border-bottom:1px solid var(--rule);padding-bottom:.2rem}h3{font-size:1.05rem;margin:1.4rem 0 .4rem}\n"
	       "p{margin:.4rem 0}.meta,.note,.source{color:var(--muted);font-size:.85rem}\n"
	       "nav ul{padding-left:1.2rem;margin:.3rem 0}\n"
	       "figure.chart{margin:1rem 0 1.6rem;padding:0}\n"
	       "figcaption{font-weight:600}figcaption .units{font-weight:400;color:var(--muted)}\n"
	       ".chart svg{display:block;width:100%;height:auto;overflow:visible}\n" SVG_CHART_RULES(
		       ".chart svg ") ".dl{font-size:.8rem;margin:.2rem 0}\n"
				      ".legend{list-style:none;margin:.3rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1rem;"
				      "font-size:.85rem}\n"
				      ".legend li{display:flex;align-items:center;gap:.35rem}.legend .k-text{color:var(--muted)}\n"
				      ".key{display:inline-block;width:1.4rem;height:.75rem;font-size:0;line-height:0;flex:none}\n"
				      ".k-line{height:0;border-top:3px solid var(--c)}.k-dash{height:0;border-top:3px dashed var(--c)}\n"
				      ".k-area{background:var(--c)}\n"
				      ".k-band{background:linear-gradient(var(--c),var(--c)) center/100% 3px no-repeat,"
				      "color-mix(in srgb,var(--c) 30%,transparent)}\n"
				      "details{margin:.4rem 0}summary{cursor:pointer;color:#0b5394}\n"
				      ".tw{overflow-x:auto;max-height:24rem;overflow-y:auto;border:1px solid var(--rule)}\n"
				      "table{border-collapse:collapse;font-size:.8rem;font-variant-numeric:tabular-nums}\n"
				      "th,td{padding:.15rem .5rem;text-align:right;border-bottom:1px solid #eee;white-space:nowrap}\n"
				      "thead th{position:sticky;top:0;background:#f6f6f6}tbody th{text-align:left;font-weight:500}\n"
				      "th .sub{font-weight:400;color:var(--muted)}\n"
				      ".nodata{padding:.8rem;background:#f6f6f6;border-left:4px solid #999;color:var(--muted)}\n"
				      ".sources{padding-left:1.2rem;font-size:.85rem}.sources li{margin:.4rem 0;overflow-wrap:anywhere}\n"
				      "@media (max-width:40rem){body{font-size:15px;padding:0 .6rem 2rem}"
				      ".chart svg text{font-size:21px}.chart svg text.val,.chart svg text.dlabel{font-size:15px}.chart svg text.alt{display:none}}\n"
				      "@media print{details,.dl{display:none}}\n";
}
