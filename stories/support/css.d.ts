// Stylesheets imported by the stories for their side effect (Vite bundles them).
declare module '*.css' {}
