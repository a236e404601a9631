//! Small, dependency-free SVG charts.

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 320.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 48.0;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn frame(title: &str, body: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"{t}\">\
         <title>{t}</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\
         <text x=\"{LEFT}\" y=\"24\" font-family=\"sans-serif\" font-size=\"15\" fill=\"#1b1f24\">{t}</text>{body}\
         <line x1=\"{LEFT}\" y1=\"{bottom}\" x2=\"{right}\" y2=\"{bottom}\" stroke=\"#6b7280\"/>\
         <line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{bottom}\" stroke=\"#6b7280\"/></svg>\n",
        t = escape(title),
        bottom = HEIGHT - BOTTOM,
        right = WIDTH - RIGHT,
    )
}

/// The vertical axis of a trend: what is plotted and its range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// The metric's name, e.g. `NSAT`.
    pub name: &'static str,
    /// The bottom of the axis.
    pub low: f64,
    /// The top of the axis.
    pub high: f64,
}

/// A line chart of one metric per period; periods without answers leave a gap.
pub fn trend(scale: Scale, points: &[(String, Option<f64>)]) -> String {
    let Scale { name, low, high } = scale;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let step = (WIDTH - LEFT - RIGHT) / points.len().max(1) as f64;
    let x = |i: usize| LEFT + step * (i as f64 + 0.5);
    let y = |v: f64| TOP + plot_height * (1.0 - (v - low) / (high - low));
    let mut body = format!(
        "<text x=\"8\" y=\"{}\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#4a515c\">{high}</text>\
         <text x=\"8\" y=\"{}\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#4a515c\">{low}</text>",
        TOP + 4.0,
        HEIGHT - BOTTOM
    );
    let coordinates: Vec<String> = points
        .iter()
        .enumerate()
        .filter_map(|(i, (_, v))| v.map(|v| format!("{:.1},{:.1}", x(i), y(v))))
        .collect();
    if coordinates.len() > 1 {
        body.push_str(&format!("<polyline class=\"trend\" fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"2\" points=\"{}\"/>", coordinates.join(" ")));
    }
    for (i, (period, value)) in points.iter().enumerate() {
        body.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#4a515c\">{}</text>",
            x(i),
            HEIGHT - BOTTOM + 18.0,
            escape(period)
        ));
        if let Some(v) = value {
            body.push_str(&format!(
                "<circle class=\"point\" data-period=\"{p}\" data-value=\"{v}\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"#1f5fbf\"><title>{p}: {v}</title></circle>",
                x(i),
                y(*v),
                p = escape(period)
            ));
        }
    }
    frame(&format!("{name} by period"), &body)
}

/// A bar chart of answer counts.
pub fn bars(title: &str, bars: &[(String, i64)]) -> String {
    let max = bars.iter().map(|(_, c)| *c).max().unwrap_or(0).max(1) as f64;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let slot = (WIDTH - LEFT - RIGHT) / bars.len().max(1) as f64;
    let mut body = String::new();
    for (i, (label, count)) in bars.iter().enumerate() {
        let height = plot_height * *count as f64 / max;
        let x = LEFT + slot * i as f64 + slot * 0.15;
        body.push_str(&format!(
            "<rect class=\"bar\" data-label=\"{l}\" data-count=\"{count}\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{height:.1}\" fill=\"#1f5fbf\"><title>{l}: {count}</title></rect>\
             <text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#4a515c\">{l}</text>",
            TOP + plot_height - height,
            slot * 0.7,
            x + slot * 0.35,
            HEIGHT - BOTTOM + 18.0,
            l = escape(label)
        ));
    }
    frame(title, &body)
}
