/* Material for MkDocs' start script (material/templates/partials/javascripts/base.html, 9.8.1),
   in a file rather than inline, because the site's Content-Security-Policy allows no inline
   script (overrides/partials/javascripts/base.html loads it in <head>). Material writes the
   site's root as `new URL(base_url, location)`; this file is in assets/, one level below the
   root, so the root is `..` from the file's own address. The rest is Material's code as is. */
__md_scope=new URL("..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
