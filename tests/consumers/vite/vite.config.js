// Relative asset URLs, so the built app works from any path (the tests serve it under /vite/).
export default { base: "./", build: { target: "es2020" } };
