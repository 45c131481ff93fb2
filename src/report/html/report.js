(function(){
"use strict";
var M=JSON.parse(document.getElementById('page-messages').textContent);
function fold(s){return s.normalize('NFD').replace(/[\u0300-\u036f]/g,'').replace(/[đĐ]/g,'d').toLowerCase();}
function strip(h){return h.replace(/<[^>]*>/g,' ').replace(/&lt;/g,'<').replace(/&gt;/g,'>').replace(/&quot;/g,'"').replace(/&#39;/g,"'").replace(/&amp;/g,'&');}
function fmt(s,o){return s.replace(/\{(\w+)\}/g,function(_,k){return o[k];});}
var tables=[];
function LazyTable(table){
  var data=JSON.parse(document.getElementById(table.id+'-data').textContent);
  var body=table.tBodies[0];
  var tool=document.querySelector('.toolbar[data-for="'+table.id+'"]');
  var bar=document.querySelector('.more-bar[data-for="'+table.id+'"]');
  var count=tool.querySelector('.count');
  var all=data.rows.map(function(_,i){return i;});
  var order=all.slice(), shown=data.first, folded=null, sortCol=-1, dir=1;
  tool.hidden=false;
  function cell(i,c,h){var n=data.numeric[i]?' class="n"':'';return i===data.header?'<th scope="row"'+n+'>'+h+'</th>':'<td'+n+'>'+h+'</td>';}
  function rowHtml(r){return '<tr>'+data.rows[r].map(function(h,i){return cell(i,r,h);}).join('')+'</tr>';}
  function update(){
    count.textContent=fmt(M.showing,{shown:Math.min(shown,order.length),total:order.length});
    bar.hidden=shown>=order.length;
  }
  function render(){body.innerHTML=order.slice(0,shown).map(rowHtml).join('');update();}
  function more(n){
    var from=Math.min(shown,order.length);shown+=n;
    body.insertAdjacentHTML('beforeend',order.slice(from,shown).map(rowHtml).join(''));update();
  }
  tool.querySelector('.filter').addEventListener('input',function(e){
    var q=fold(e.target.value.trim());
    if(!folded){folded=data.rows.map(function(r){return fold(strip(r.filter(function(c){return c.indexOf('<details')<0;}).join(' ')));});}
    order=all.filter(function(i){return !q||folded[i].indexOf(q)>=0;});
    if(sortCol>=0){sortBy(sortCol,false);}
    shown=data.first;render();
  });
  function sortBy(c,toggle){
    if(toggle){dir=(sortCol===c)?-dir:1;sortCol=c;}
    order.sort(function(a,b){var x=data.keys[a][c],y=data.keys[b][c];
      var r=(typeof x==='number'&&typeof y==='number')?x-y:String(x).localeCompare(String(y),document.documentElement.lang);
      return r*dir||a-b;});
    table.querySelectorAll('thead th').forEach(function(th,i){th.setAttribute('aria-sort',i===c?(dir>0?'ascending':'descending'):'none');});
  }
  table.querySelectorAll('button.sort').forEach(function(b){b.addEventListener('click',function(){sortBy(+b.dataset.col,true);shown=Math.max(shown,data.first);render();});});
  bar.querySelector('.more').addEventListener('click',function(){more(data.first);});
  if('IntersectionObserver' in window){
    new IntersectionObserver(function(es){es.forEach(function(e){if(e.isIntersecting&&shown<order.length){more(data.first);}});},{rootMargin:'400px'}).observe(bar);
  }
  update();
  this.all=function(){order=all.slice();sortCol=-1;dir=1;shown=order.length;tool.querySelector('.filter').value='';table.querySelectorAll('thead th').forEach(function(th){if(th.hasAttribute('aria-sort'))th.setAttribute('aria-sort','none');});render();};
}
document.querySelectorAll('table[data-lazy]').forEach(function(t){tables.push(new LazyTable(t));});
function materialize(d){var tp=d.querySelector(':scope > template');if(tp){d.replaceChild(tp.content.cloneNode(true),tp);}}
var units=Array.prototype.slice.call(document.querySelectorAll('details.unit'));
units.forEach(function(d){d.addEventListener('toggle',function(){if(d.open)materialize(d);});if(d.open)materialize(d);});
var tools=document.querySelector('.chart-tools');
if(tools){
  tools.hidden=false;
  var input=tools.querySelector('input'),hits=tools.querySelector('.hits');
  tools.querySelector('.open-all').addEventListener('click',function(){units.forEach(function(d){d.open=true;});});
  tools.querySelector('.close-all').addEventListener('click',function(){units.forEach(function(d){d.open=false;});});
  var timer=null;
  input.addEventListener('input',function(){clearTimeout(timer);timer=setTimeout(search,150);});
  function search(){
    var q=fold(input.value.trim()),n=0,first=null;
    document.querySelectorAll('svg .hit').forEach(function(g){g.classList.remove('hit');});
    units.forEach(function(d){
      d.classList.remove('hit');
      if(!q)return;
      var tp=d.querySelector(':scope > template');
      var root=tp?tp.content:d;
      var found=Array.prototype.filter.call(root.querySelectorAll('g[data-k]'),function(g){return g.getAttribute('data-k').indexOf(q)>=0;});
      if(!found.length&&fold(d.querySelector('summary').textContent).indexOf(q)<0)return;
      d.classList.add('hit');d.open=true;materialize(d);
      var live=Array.prototype.filter.call(d.querySelectorAll('g[data-k]'),function(g){return g.getAttribute('data-k').indexOf(q)>=0;});
      live.forEach(function(g){g.classList.add('hit');});
      n+=live.length||1;if(!first)first=live[0]||d;
    });
    hits.textContent=q?fmt(M.hits,{n:n}):'';
    if(first&&first.scrollIntoView)first.scrollIntoView({block:'center'});
  }
}
window.addEventListener('beforeprint',function(){tables.forEach(function(t){t.all();});units.forEach(function(d){d.open=true;});document.querySelectorAll('details.working').forEach(function(d){d.open=true;});});
function report(){
  var list=document.getElementById('page-error-list');
  list.innerHTML='';
  window.__errors.forEach(function(e){var li=document.createElement('li');li.textContent=e;list.appendChild(li);});
  document.getElementById('page-errors').hidden=!window.__errors.length;
  document.body.setAttribute('data-errors',String(window.__errors.length));
  var svgs=document.querySelectorAll('svg'),drawn=0;
  svgs.forEach(function(s){var b=s.getBoundingClientRect();if(b.width>0&&b.height>0)drawn++;});
  document.body.setAttribute('data-svgs',drawn+'/'+svgs.length);
}
window.addEventListener('error',function(){setTimeout(report,0);});
report();
document.body.setAttribute('data-ms',String(Math.round(performance.now())));
document.body.setAttribute('data-ready','1');
})();
