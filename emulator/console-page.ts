/** A small developer console at `/`: collections, outbox and clock, read from the emulator's own routes. */
export function consoleHtml(url: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>先锋支部 本地模拟器</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:24px;color:#222}h1{color:#c8161d;font-size:20px}
section{margin:16px 0}pre{background:#f6f6f6;padding:12px;max-height:420px;overflow:auto}button{margin-right:8px}</style></head>
<body><h1>先锋支部 · 本地云开发模拟器</h1><p>地址 ${url}</p>
<section><h2>时钟</h2><div id="clock"></div>
<button onclick="setClock({now:null})">恢复真实时间</button>
<button onclick="setClock({advanceMs:86400000})">冻结后前进一天</button></section>
<section><h2>集合</h2><div id="colls"></div><pre id="docs">点击集合名查看文档</pre></section>
<section><h2>订阅消息发件箱</h2><pre id="outbox"></pre></section>
<script>
const j=(p,o)=>fetch(p,o).then(r=>r.json());
const post=(p,b)=>j(p,{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(b)});
async function load(){
  const c=await j('/__emulator/clock');document.getElementById('clock').textContent=c.now+(c.frozen?'（已冻结）':'（真实时间）');
  const names=await j('/__emulator/collections');
  document.getElementById('colls').innerHTML=names.map(n=>'<button onclick="show(\\''+n+'\\')">'+n+'</button>').join('');
  document.getElementById('outbox').textContent=JSON.stringify(await j('/__emulator/outbox'),null,2);
}
async function show(n){document.getElementById('docs').textContent=JSON.stringify(await j('/__emulator/collections/'+n),null,2)}
async function setClock(b){
  if(b.advanceMs){const c=await j('/__emulator/clock');if(!c.frozen)await post('/__emulator/clock',{now:c.now});}
  await post('/__emulator/clock',b);load();
}
load();
</script></body></html>`;
}
